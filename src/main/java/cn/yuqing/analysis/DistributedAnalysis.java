package cn.yuqing.analysis;

import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;


/**
 * The distributed tier's analysis (on when Spring Modulith externalizes events to Kafka).
 *
 * <p>Items reach analysis through the analysis queue in the shared database, as on one machine:
 * each node's workers take partitions under leases ({@link PlacementWorkers}), so a county's items
 * are placed in order by one worker while other counties go on elsewhere, and an urgent item jumps
 * the queue, which a Kafka partition cannot do.
 *
 * <p>The pipeline's inputs (units and places, schemes, analysts' corrections) changed on one node
 * go to {@value #INPUTS}, which every node reads in a group of its own, so each rebuilds its part.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.modulith.events.externalization.enabled")
class DistributedAnalysis {

    static final String INPUTS = "yuqing.analysis-inputs";

    /** What crosses to the other nodes: which part went stale, and where (a node skips its own). */
    record InputsChanged(AnalysisEngine.Part part, String origin) {
    }

    /** This node, for as long as this JVM runs. */
    private static final String NODE = UUID.randomUUID().toString();
    private final AnalysisEngine engine;

    DistributedAnalysis(AnalysisEngine engine) {
        this.engine = engine;
    }

    /** Static, like the other beans here: Modulith asks for it before the analysis exists. */
    @Bean
    static EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> AnalysisEngine.staleAfter(event).isPresent())
                .mapping(event -> new InputsChanged(AnalysisEngine.staleAfter(event).orElseThrow(), NODE))
                .routeAll(event -> RoutingTarget.forTarget(INPUTS).withoutKey())
                .build();
    }

    @Bean
    static NewTopic inputTopic(@Value("${yuqing.cluster.replicas:1}") short replicas) {
        return TopicBuilder.name(INPUTS).partitions(1).replicas(replicas).build();
    }

    /** A node that starts later builds its pipeline from the database, so it reads only what comes after. */
    @KafkaListener(id = "analysis-inputs", topics = INPUTS, groupId = "yuqing-inputs-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void on(InputsChanged changed) {
        if (!NODE.equals(changed.origin())) {
            engine.refresh(changed.part());
        }
    }
}

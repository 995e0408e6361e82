package cn.yuqing.analysis;

import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import cn.yuqing.intake.ItemCollected;
import cn.yuqing.shared.NotFound;

/**
 * The distributed tier's analysis (on when Spring Modulith externalizes events to Kafka).
 *
 * <p>Items: intake commits the item and the publication together; Modulith then sends it to
 * {@value #ITEMS}, keyed by the collecting unit, so that one county's items (and so one event's)
 * stay in order on one partition. The analysis consumers of all nodes share one group: each item
 * is read by one node, and read again by another only if the first died before committing its
 * offset, which {@link Analyser} absorbs.
 *
 * <p>The pipeline's inputs (units and places, schemes, analysts' corrections) changed on one node
 * go to {@value #INPUTS}, which every node reads in a group of its own, so each rebuilds its part.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.modulith.events.externalization.enabled")
class DistributedAnalysis {

    static final String ITEMS = "yuqing.items";
    static final String INPUTS = "yuqing.analysis-inputs";
    private static final Logger log = LoggerFactory.getLogger(DistributedAnalysis.class);

    /** What crosses to the other nodes: which part went stale, and where (a node skips its own). */
    record InputsChanged(AnalysisEngine.Part part, String origin) {
    }

    /** This node, for as long as this JVM runs. */
    private static final String NODE = UUID.randomUUID().toString();
    private final Analyser analyser;
    private final AnalysisEngine engine;

    DistributedAnalysis(Analyser analyser, AnalysisEngine engine) {
        this.analyser = analyser;
        this.engine = engine;
    }

    /** Static, like the other beans here: Modulith asks for it before the analysis exists. */
    @Bean
    static EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof ItemCollected || AnalysisEngine.staleAfter(event).isPresent())
                .mapping(event -> event instanceof ItemCollected ? event
                        : new InputsChanged(AnalysisEngine.staleAfter(event).orElseThrow(), NODE))
                .routeAll(event -> event instanceof ItemCollected item
                        ? RoutingTarget.forTarget(ITEMS).andKey(String.valueOf(item.unitId()))
                        : RoutingTarget.forTarget(INPUTS).withoutKey())
                .build();
    }

    /** Partitions bound how many nodes share the analysis; replicas, how many brokers may fail. */
    @Bean
    static NewTopic itemTopic(@Value("${yuqing.cluster.item-partitions:12}") int partitions,
            @Value("${yuqing.cluster.replicas:1}") short replicas) {
        return TopicBuilder.name(ITEMS).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    static NewTopic inputTopic(@Value("${yuqing.cluster.replicas:1}") short replicas) {
        return TopicBuilder.name(INPUTS).partitions(1).replicas(replicas).build();
    }

    /**
     * A failing analysis (the database away for a moment) is tried again for about ten minutes
     * before the consumer moves on; the item then stays unanalysed and is counted by the
     * {@code yuqing.analysis.backlog} gauge. An item not in the database (a database restored
     * from a backup older than the topic) is skipped at once rather than holding up its partition.
     */
    @Bean
    static DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(12);
        backOff.setInitialInterval(1_000);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(120_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> log.error("分析放弃：{}", record.value(), e), backOff);
        handler.addNotRetryableExceptions(NotFound.class);
        return handler;
    }

    @KafkaListener(id = "analysis", topics = ITEMS, groupId = "yuqing-analysis",
            concurrency = "${yuqing.cluster.analysis-consumers:2}")
    void on(ItemCollected collected) {
        analyser.analyse(collected.itemId());
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

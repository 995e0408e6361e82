package cn.yuqing.analysis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.IntakeResult;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow or failed analysis never loses an item: the item is stored first, and the event that
 * carries it to analysis stays in the publication registry until analysis completes. What a stop
 * or a failure interrupted is resubmitted (at restart, and every so often: {@code StrandedPublications}).
 */
@WebTest
class AnalysisDurabilityTests {

    @MockitoSpyBean
    AnalysisEngine engine;
    @Autowired
    ItemIntake intake;
    @Autowired
    Channels channels;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ItemAnalysisRepository analyses;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anItemWhoseAnalysisFailedIsAnalysedWhenTheIncompletePublicationIsResubmitted() {
        AtomicBoolean failing = new AtomicBoolean(true);
        Mockito.doAnswer(invocation -> {
            if (failing.get()) {
                throw new IllegalStateException("analysis interrupted");
            }
            return invocation.callRealMethod();
        }).when(engine).pipeline();

        var channel = channels.create(new ChannelData("耐久测试渠道", ChannelType.PORTAL,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        IntakeResult accepted = intake.receive(ItemSubmission.of(channel.id(), "durable-1", null, null,
                "隆古乡敬老院暖气不热，老人们晚上睡不着。", null, null), new Provenance("test", null, null, null));
        assertThat(accepted.status()).isEqualTo(IntakeResult.Status.CREATED);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where status = 'FAILED' and event_type like '%ItemCollected'"
                        + " and serialized_event like ?", Integer.class, "%" + accepted.itemId() + "%") > 0);
        Mockito.verify(engine, Mockito.atLeastOnce()).pipeline();
        assertThat(analyses.existsById(accepted.itemId())).isFalse();

        failing.set(false);
        incomplete.resubmitIncompletePublications(publication -> true);
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.existsById(accepted.itemId()));
    }
}

package cn.yuqing.analysis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * Slow or failed analysis never loses an item: the item and its place in the analysis queue are
 * stored in one transaction, and the place is given up only in the transaction that stores the
 * analysis. An item whose reading failed is set aside and tried again after a pause.
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
    JdbcTemplate jdbc;

    @Test
    void anItemWhoseAnalysisFailedStaysQueuedAndIsAnalysedWhenItIsTriedAgain() {
        // the demo's items first: stubbing a spy while a worker calls it may stub nothing at all
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from analysis_queue",
                Integer.class) == 0);
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
                "select count(*) from analysis_queue where item_id = ? and failures > 0", Integer.class, accepted.itemId()) > 0);
        assertThat(analyses.existsById(accepted.itemId())).isFalse();

        failing.set(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> analyses.existsById(accepted.itemId()));
        assertThat(jdbc.queryForObject("select count(*) from analysis_queue where item_id = ?", Integer.class,
                accepted.itemId())).as("its place in the queue is given up with the analysis").isZero();
    }
}

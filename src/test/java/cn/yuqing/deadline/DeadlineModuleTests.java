package cn.yuqing.deadline;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.ReleasePublished;
import cn.yuqing.support.As;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline module with what it depends on and nothing after it: the clocks start from the grade
 * opinion publishes and stop on the release response publishes, each change published in turn.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class DeadlineModuleTests {

    @Autowired
    EventFixtures fixtures;
    @Autowired
    ApplicationContext context;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;

    /** The stimulus runs in the scenario's transaction, so the event is made (and its item analysed) before. */
    @Test
    void aMajorEmergencysGradeStartsTheFiveHourClock(Scenario scenario) {
        var e = fixtures.verifiedEvent("城区供水管网爆裂，多个小区停水", "城区供水管网爆裂，多个小区停水，群众反映强烈。");
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = As.scopeOf(directory, "yanpan");
        scenario.stimulate(() -> opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), "MAJOR", true, "影响面广"))
                .andWaitForEventOfType(DeadlineChanged.class)
                .matching(c -> c.eventId().equals(e.id()) && c.clock() == ClockKind.STATEMENT && c.what() == DeadlineEntry.Kind.STARTED)
                .toArriveAndVerify(c -> assertThat(c.dueAt()).isEqualTo(e.firstKnownAt().plusSeconds(5 * 3600)));
    }

    @Test
    void aPublishedStatementStopsTheClocksItAnswers(Scenario scenario) {
        var e = fixtures.judgedEvent("县城区一在建工地塔吊倒塌", MatterKind.MAJOR_PROBLEM, "MAJOR", true);
        scenario.publish(new ReleasePublished(e.id(), null, ReleaseKind.AUTHORITATIVE_STATEMENT, Instant.now(), "情况通报"))
                .andWaitForEventOfType(DeadlineChanged.class)
                .matching(c -> c.eventId().equals(e.id()) && c.clock() == ClockKind.STATEMENT && c.what() == DeadlineEntry.Kind.MET)
                .toArrive();
    }

    /** Standing alone: the stages after the clocks (follow-up, review, assessment, reporting) are not started. */
    @Test
    void theLaterStagesAreNotPartOfIt() {
        assertThat(context.getBeanNamesForType(cn.yuqing.assessment.Scorecards.class)).isEmpty();
        assertThat(context.getBeanNamesForType(cn.yuqing.review.CaseReviews.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Deadlines.class)).hasSize(1);
    }
}

package cn.yuqing.opinion;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.TestClockConfiguration;


/** The opinion module with the modules it depends on, and nothing else: what it publishes for the later stages. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class OpinionModuleTests {

    @Autowired
    OpinionManagement opinions;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Accounts accounts;

    private OpinionEvent verifiedEvent() {
        var analyst = accounts.loadUserByUsername("yanpan");
        OpinionEvent e = opinions.open(fixtures.candidate("魏岗镇山体滑坡，一户民房受损。"), DataScope.installation(), analyst);
        e = opinions.startVerification(e.id(), e.version(), DataScope.installation(), analyst);
        return opinions.verify(e.id(), e.version(), DataScope.installation(), analyst, "属实", null, Conclusion.TRUE,
                MatterKind.MAJOR_PROBLEM);
    }

    @Test
    void aKeyJudgementPublishesTheGradeFromWhichTheClocksRun(Scenario scenario) {
        OpinionEvent e = verifiedEvent();
        var analyst = accounts.loadUserByUsername("yanpan");
        scenario.stimulate(() -> opinions.judge(e.id(), e.version(), DataScope.installation(), analyst, true, Set.of("d"),
                        "MAJOR", true, "自然灾害"))
                .andWaitForEventOfType(EventGraded.class)
                .matching(g -> g.eventId().equals(e.id()) && g.grade().equals("MAJOR") && g.emergency() && !g.regrade()
                        && g.firstKnownAt().equals(e.firstKnownAt()))
                .toArrive();
    }

    @Test
    void everyStepIsPublishedWithItsClause(Scenario scenario) {
        OpinionEvent e = verifiedEvent();
        var analyst = accounts.loadUserByUsername("yanpan");
        scenario.stimulate(() -> opinions.judge(e.id(), e.version(), DataScope.installation(), analyst, false, Set.of(), null,
                        false, "影响有限"))
                .andWaitForEventOfType(EventStepTaken.class)
                .matching(s -> s.eventId().equals(e.id()) && s.step().equals("JUDGE_WATCH") && s.clause().equals("4.3")
                        && s.to() == EventState.WATCHING)
                .toArrive();
    }
}

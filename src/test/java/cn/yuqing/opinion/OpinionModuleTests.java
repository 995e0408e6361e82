package cn.yuqing.opinion;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.TestClockConfiguration;

import static org.awaitility.Awaitility.await;

/** The opinion module with the modules it depends on, and nothing else: what it publishes for the later stages. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class OpinionModuleTests {

    @Autowired
    OpinionManagement opinions;
    @Autowired
    ItemIntake intake;
    @Autowired
    Channels channels;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ItemAnalyses analyses;
    @Autowired
    Accounts accounts;
    @Autowired
    cn.yuqing.analysis.Candidates candidates;

    private OpinionEvent verifiedEvent() {
        var channel = channels.create(new ChannelData("模块测试渠道" + System.nanoTime(), ChannelType.PORTAL,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        Long item = intake.receive(ItemSubmission.of(channel.id(), "module-" + System.nanoTime(), null, null,
                "魏岗镇山体滑坡，一户民房受损。" + System.nanoTime(), null, null),
                new Provenance("test", null, null, null)).itemId();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.find(item).isPresent());
        var analyst = accounts.loadUserByUsername("yanpan");
        Long candidate = analyses.find(item).orElseThrow().candidateId();
        if (candidates.itemsOf(candidate).size() > 1) {
            candidate = candidates.split(candidate, java.util.List.of(item), DataScope.installation()).id();
        }
        OpinionEvent e = opinions.open(candidate, DataScope.installation(), analyst);
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

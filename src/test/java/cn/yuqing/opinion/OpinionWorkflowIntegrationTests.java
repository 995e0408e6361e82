package cn.yuqing.opinion;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One event through the workflow of clauses 3, 4.2 and 4.3, on the demo directory. */
@WebTest
class OpinionWorkflowIntegrationTests {

    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.opinion.WorkOrders workOrders;

    @Autowired

    cn.yuqing.opinion.EventRouting routing;
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
    Notifications notifications;
    @Autowired
    MutableClock clock;
    @Autowired
    EventFixtures fixtures;

    SignedInPerson analyst;
    DataScope scope;
    static int counter;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2027-07-14T02:00:00Z"));
        analyst = accounts.loadUserByUsername("yanpan");
        scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
    }

    /** An event from a fresh post on a county channel. */
    private OpinionEvent eventAbout(String text) {
        Long candidate = fixtures.candidate(text);
        clock.advance(Duration.ofMinutes(30));
        return opinions.open(candidate, scope, analyst);
    }

    private long especiallyMajorNotices(String username, OpinionEvent e) {
        return notifications.inbox(directory.person(username).orElseThrow().id()).stream()
                .filter(n -> ("/events/" + e.id()).equals(n.link()) && n.title().startsWith("特别重大舆情")).count();
    }

    @Test
    void aRegradeToEspeciallyMajorTellsThePrincipalLeaderAndThePublicityDepartmentOnceEach() {
        OpinionEvent e = fixtures.judgedEvent("暴雨致城区多处内涝", MatterKind.MAJOR_PROBLEM, "MAJOR", true);
        assertThat(especiallyMajorNotices("xianzhang", e)).isZero();

        e = opinions.regrade(e.id(), e.version(), scope, analyst, "ESPECIALLY_MAJOR", true, "被困人员增加，影响扩大");
        assertThat(especiallyMajorNotices("xianzhang", e)).as("the county's principal leader (3.1.1)").isEqualTo(1);
        assertThat(especiallyMajorNotices("xuanchuan", e)).as("the publicity department (clause 3)").isEqualTo(1);
        assertThat(especiallyMajorNotices("xuezi.zhenzhang", e)).as("not a township's leader").isZero();

        // down and up again: they know already
        e = opinions.regrade(e.id(), e.version(), scope, analyst, "MAJOR", true, "情况缓和");
        e = opinions.regrade(e.id(), e.version(), scope, analyst, "ESPECIALLY_MAJOR", true, "再次升级");
        assertThat(especiallyMajorNotices("xianzhang", e)).isEqualTo(1);
        assertThat(especiallyMajorNotices("xuanchuan", e)).isEqualTo(1);
    }

    @Test
    void anEventIsFirstKnownWhenItsEarliestItemWasFoundNotWhenItWasOpened() {
        OpinionEvent e = eventAbout("踅孜镇大桥封闭施工，孩子上学要绕行五公里，县交通局没有提前通知。");
        assertThat(e.firstKnownAt()).isEqualTo(Instant.parse("2027-07-14T02:00:00Z"));
        assertThat(e.state()).isEqualTo(EventState.COLLECTED);
        assertThat(e.placeCodes()).contains("411526107");
        assertThat(opinions.open(e.candidateId(), scope, analyst).id()).isEqualTo(e.id());
    }

    @Test
    void theWholeWorkflowFromVerificationToClosingIsRecordedStepByStep() {
        OpinionEvent e = eventAbout("踅孜镇大桥突然封闭，孩子上学要绕五公里，县交通局也没有通知，家长们非常气愤！");
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        e = opinions.verify(e.id(), e.version(), scope, analyst, "经核实，大桥因检测发现安全隐患临时封闭", "县交通运输局", Conclusion.TRUE,
                MatterKind.CONFUSION);

        Long leader = accounts.loadUserByUsername("xianzhang").personId();
        Long superior = accounts.loadUserByUsername("shi.zhengfuban").personId();
        long leaderBefore = notifications.unread(leader);
        long superiorBefore = notifications.unread(superior);
        e = opinions.flag(e.id(), e.version(), scope, analyst, true, true);
        assertThat(notifications.unread(leader)).isEqualTo(leaderBefore + 1);
        assertThat(notifications.unread(superior)).isEqualTo(superiorBefore + 1);
        assertThat(opinions.reports(e.id())).extracting(WarningReport::kind)
                .contains(WarningReport.Kind.LEADER, WarningReport.Kind.SUPERIOR);
        Long flagged = e.id();
        assertThat(opinions.unreported(scope)).noneMatch(x -> x.id().equals(flagged));

        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b", "d"), "MAJOR", false, "影响学生出行，家长情绪激动");
        assertThat(e.state()).isEqualTo(EventState.JUDGED);
        e = routing.route(e.id(), e.version(), scope, analyst);
        assertThat(directory.requireUnit(e.responsibleUnitId()).name()).isEqualTo("潢川县交通运输局");
        assertThat(e.routing()).contains("主管：潢川县交通运输局").contains("属地：踅孜镇");

        opinions.addTalkingPoints(e.id(), scope, analyst, "大桥因安全检测临时封闭，预计7月20日恢复通行；绕行路线已公布。");
        opinions.addTalkingPoints(e.id(), scope, analyst, "大桥因安全检测临时封闭，预计7月20日恢复通行；已开通学生接送专线。");
        assertThat(opinions.talkingPoints(e.id())).extracting(TalkingPoints::version).containsExactly(2, 1);

        e = opinions.makePlan(opinions.require(e.id(), scope).id(), opinions.require(e.id(), scope).version(), scope, analyst,
                "潢川发布官方微博、县政府门户网站", "发布情况通报");
        assertThat(opinions.workOrders(e.id())).extracting(o -> directory.requireUnit(o.unitId()).name())
                .contains("潢川县交通运输局", "踅孜镇人民政府");

        e = opinions.startResponse(e.id(), e.version(), scope, analyst);
        e = opinions.startFollowUp(e.id(), e.version(), scope, analyst);
        // 4.6: the work orders not yet taken up (and, with the deadline module, the open clocks) stand in the way
        OpinionEvent following = e;
        assertThatThrownBy(() -> opinions.close(following.id(), following.version(), scope, analyst, "权威信息发布后舆情平息", Map.of()))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("尚未签收任务单");
        Map<String, String> waivers = new HashMap<>();
        opinions.openDuties(e.id(), scope).forEach(d -> waivers.put(d.key(), "舆情已平息，由政府办公室决定不再办理"));
        e = opinions.close(e.id(), e.version(), scope, analyst, "权威信息发布后舆情平息", waivers);
        assertThat(e.state()).isEqualTo(EventState.CLOSED);
        assertThat(e.steps()).last().satisfies(step -> assertThat(step.note()).contains("不再办理").contains("尚未签收任务单"));
        e = opinions.reopen(e.id(), e.version(), scope, analyst, "出现新的帖子质疑检测结果");
        assertThat(e.state()).isEqualTo(EventState.FOLLOWING_UP);

        assertThat(opinions.require(e.id(), scope).steps()).extracting(EventStep::action).containsSubsequence("OPEN",
                "START_VERIFICATION", "VERIFY", "FLAG", "JUDGE_KEY", "ROUTE", "TALKING_POINTS", "TALKING_POINTS", "MAKE_PLAN",
                "START_RESPONSE", "START_FOLLOW_UP", "CLOSE", "REOPEN");
        assertThat(opinions.require(e.id(), scope).steps()).allSatisfy(s -> assertThat(s.actor()).isEqualTo("yanpan"));
    }

    @Test
    void aSecondAnalystsStaleEditIsRefusedNotLost() {
        OpinionEvent e = eventAbout("白店乡卫生院夜间无人值班，群众看急诊找不到医生。");
        long seen = e.version();
        opinions.startVerification(e.id(), seen, scope, analyst);
        assertThatThrownBy(() -> opinions.startVerification(e.id(), seen, scope, accounts.loadUserByUsername("zhengfuban")))
                .hasMessageContaining("已被他人修改");
        assertThat(opinions.require(e.id(), scope).steps()).filteredOn(s -> s.action().equals("START_VERIFICATION")).hasSize(1);
    }

    @Test
    void aPartySeesTheEventAndAnotherTownshipDoesNot() {
        OpinionEvent e = eventAbout("踅孜镇集市附近河道垃圾堆积发臭，汛期担心堵塞。");
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        e = opinions.verify(e.id(), e.version(), scope, analyst, "属实", null, Conclusion.TRUE, MatterKind.DIFFICULTY);
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), "ORDINARY", false, "影响群众生活");
        e = routing.route(e.id(), e.version(), scope, analyst);
        Long id = e.id();
        DataScope xuezi = directory.scopeOf(directory.person("xuezi.huiying").orElseThrow());
        DataScope sanpi = directory.scopeOf(directory.person("sanpi.huiying").orElseThrow());
        assertThat(opinions.require(id, xuezi).id()).isEqualTo(id);
        assertThat(opinions.visible(xuezi)).anyMatch(x -> x.id().equals(id));
        assertThatThrownBy(() -> opinions.require(id, sanpi)).isInstanceOf(NotFound.class);
        assertThat(opinions.visible(sanpi)).noneMatch(x -> x.id().equals(id));
    }

    @Test
    void aWorkOrderReturnedWithAReasonIsResentAndThenAccepted() {
        OpinionEvent e = eventAbout("踅孜镇某村道路塌陷，村民出行困难。");
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        e = opinions.verify(e.id(), e.version(), scope, analyst, "属实", null, Conclusion.TRUE, MatterKind.DIFFICULTY);
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), "LARGE", false, "影响出行");
        e = routing.route(e.id(), e.version(), scope, analyst);
        opinions.addTalkingPoints(e.id(), scope, analyst, "已安排抢修，三日内恢复通行。");
        OpinionEvent planned = opinions.require(e.id(), scope);
        opinions.makePlan(planned.id(), planned.version(), scope, analyst, "镇政府公告", "张贴公告");
        SignedInPerson responder = accounts.loadUserByUsername("xuezi.huiying");
        DataScope xuezi = directory.scopeOf(directory.person("xuezi.huiying").orElseThrow());
        WorkOrder order = workOrders.inbox(xuezi).stream().filter(o -> o.eventId().equals(planned.id())).findFirst().orElseThrow();
        assertThatThrownBy(() -> workOrders.sendBack(order.id(), xuezi, responder, cn.yuqing.opinion.WorkOrder.SendBackReason.NOT_COMPETENT, " ")).hasMessage("退单须写明理由和依据");
        workOrders.sendBack(order.id(), xuezi, responder, cn.yuqing.opinion.WorkOrder.SendBackReason.NOT_COMPETENT, "道路属县交通局管养，本镇配合");
        assertThat(opinions.workOrders(planned.id())).filteredOn(o -> o.id().equals(order.id()))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(WorkOrder.Status.RETURNED));
        workOrders.reject(order.id(), scope, analyst, "属地配合：做好群众解释工作");
        workOrders.signFor(order.id(), xuezi, responder);
        assertThat(opinions.workOrders(planned.id())).filteredOn(o -> o.id().equals(order.id()))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(WorkOrder.Status.ACCEPTED);
                    assertThat(o.arbitration()).isEqualTo(WorkOrder.Arbitration.REJECTED);
                    assertThat(o.arbitrationNote()).isEqualTo("属地配合：做好群众解释工作");
                    assertThat(o.wrongfulSendBacks()).isEqualTo(1);
                });
        DataScope sanpi = directory.scopeOf(directory.person("sanpi.huiying").orElseThrow());
        assertThatThrownBy(() -> workOrders.signFor(order.id(), sanpi, accounts.loadUserByUsername("sanpi.huiying")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void overridingTheRoutingKeepsTheReasonInTheHistory() {
        OpinionEvent e = eventAbout("踅孜镇中学门口商贩占道，学生放学拥堵。");
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        e = opinions.verify(e.id(), e.version(), scope, analyst, "属实", null, Conclusion.TRUE, MatterKind.DIFFICULTY);
        e = opinions.judge(e.id(), e.version(), scope, analyst, false, Set.of(), null, false, "影响有限，持续关注");
        assertThat(e.state()).isEqualTo(EventState.WATCHING);
        Long urban = directory.unitsIn("411526").stream().filter(u -> u.name().equals("潢川县城市管理局")).findFirst()
                .orElseThrow().id();
        e = routing.override(e.id(), e.version(), scope, analyst, urban, null, null, "占道经营由城管局负责");
        assertThat(e.responsibleUnitId()).isEqualTo(urban);
        assertThat(e.routingOverridden()).isTrue();
        assertThat(opinions.require(e.id(), scope).steps()).anySatisfy(s -> {
            assertThat(s.action()).isEqualTo("OVERRIDE_ROUTING");
            assertThat(s.note()).contains("占道经营由城管局负责");
        });
    }
}

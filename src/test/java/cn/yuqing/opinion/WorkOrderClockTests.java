package cn.yuqing.opinion;

import java.time.Duration;
import java.time.Instant;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, the work orders' own clocks beside the standard's: 签收 within 2 working hours with a
 * reminder half-way and an escalation at the due time, each once; a 退单 arbitrated within its clock
 * or reported to the principal leader; an extension asked before the due time moves only the order's
 * due time, never the 4.4 clocks; past due a 催办通知书 is drafted from the record, a working day
 * later a 督办单, and the office issues them as Word documents; an upheld 退单 re-routes the event.
 */
@WebTest
class WorkOrderClockTests {

    @Autowired
    EventFixtures fixtures;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    WorkOrders workOrders;
    @Autowired
    WorkOrderClocks clocks;
    @Autowired
    Deadlines deadlines;
    @Autowired
    cn.yuqing.deadline.DeadlineTimers timers;
    @Autowired
    Notifications notifications;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    MutableClock clock;

    /** Monday 2027-11-22, 09:00 in the county: office hours 08:30–12:00 and 14:30–17:30. */
    static final Instant MONDAY_9 = Instant.parse("2027-11-22T01:00:00Z");

    private boolean told(String username, String title) {
        return notifications.inbox(directory.person(username).orElseThrow().id()).stream().anyMatch(n -> n.title().equals(title));
    }

    private WorkOrder orderOf(OpinionEvent e, Long unit) {
        return opinions.workOrders(e.id()).stream().filter(o -> o.unitId().equals(unit) && o.status() != WorkOrder.Status.WITHDRAWN)
                .findFirst().orElseThrow();
    }

    @Test
    void signForIsRemindedThenEscalatedOnceAndAWrongful退单CountsAgainstTheUnit() {
        clock.set(MONDAY_9);
        OpinionEvent e = fixtures.plannedCitizenMatter("城南菜市场污水横流", "城南菜市场门口污水横流，商户和居民苦不堪言。", null, fixtures.housing());
        WorkOrder o = orderOf(e, fixtures.housing());
        assertThat(o.signForDue()).as("2 working hours from 09:00: 11:00").isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));
        assertThat(o.dueAt()).as("5 working days: Tuesday to Monday, ending Monday night").isEqualTo(Instant.parse("2027-11-29T16:00:00Z"));

        clock.set(MONDAY_9.plus(Duration.ofMinutes(59)));
        clocks.stepDue();
        assertThat(told("zhujian.huiying", "请尽快签收任务单：城南菜市场污水横流")).isFalse();
        clock.set(MONDAY_9.plus(Duration.ofMinutes(61)));
        clocks.stepDue();
        assertThat(told("zhujian.huiying", "请尽快签收任务单：城南菜市场污水横流")).isTrue();
        clock.set(MONDAY_9.plus(Duration.ofHours(2)));
        clocks.stepDue();
        clocks.stepDue();
        assertThat(told("zhujian.fuzeren", "任务单逾期未签收：城南菜市场污水横流")).isTrue();
        assertThat(told("zhengfuban", "任务单逾期未签收：城南菜市场污水横流")).isTrue();
        assertThat(opinions.require(e.id(), DataScope.installation()).steps()).filteredOn(s -> s.action().equals("SIGN_FOR_OVERDUE"))
                .as("escalated once").hasSize(1);

        // 退单, not upheld: back to the unit with the instruction, its sign-for clock restarted
        DataScope housing = As.scopeOf(directory, "zhujian.huiying");
        var responder = accounts.loadUserByUsername("zhujian.huiying");
        assertThatThrownBy(() -> workOrders.sendBack(o.id(), housing, responder, null, "不是我们的"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("请选择退单理由");
        workOrders.sendBack(o.id(), housing, responder, WorkOrder.SendBackReason.NOT_COMPETENT, "菜市场由市场监管局管理");
        WorkOrder back = workOrders.ofEvent(o.id(), DataScope.installation());
        assertThat(back.arbitrationDue()).as("2 working hours from 11:00: 12:00 and then 14:30–15:30").isEqualTo(
                Instant.parse("2027-11-22T07:30:00Z"));
        assertThat(opinions.openDuties(e.id(), DataScope.installation())).extracting(OpenDuties.Duty::text)
                .contains("潢川县住房和城乡建设局的退单尚待仲裁");
        clock.set(Instant.parse("2027-11-22T07:30:00Z"));
        clocks.stepDue();
        assertThat(told("xianzhang", "退单仲裁超时：城南菜市场污水横流")).as("the principal leader hears of it").isTrue();
        var office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = As.scopeOf(directory, "zhengfuban");
        assertThatThrownBy(() -> workOrders.reject(o.id(), housing, accounts.loadUserByUsername("zhujian.fuzeren"), "本局自己说了算"))
                .as("only the office of the event's level decides, never the unit itself").isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("只有本级或上级政府办公室");
        assertThatThrownBy(() -> workOrders.reject(o.id(), officeScope, office, " "))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("须写明办理要求");
        workOrders.reject(o.id(), officeScope, office, "门口排水沟属住建局管养，请牵头疏通");
        WorkOrder resent = workOrders.ofEvent(o.id(), DataScope.installation());
        assertThat(resent.status()).isEqualTo(WorkOrder.Status.SENT);
        assertThat(resent.wrongfulSendBacks()).isEqualTo(1);
        assertThat(resent.signForDue()).as("from 15:30, two working hours: 17:30").isEqualTo(Instant.parse("2027-11-22T09:30:00Z"));
        assertThat(opinions.orders(e.id())).singleElement().satisfies(s -> {
            assertThat(s.returns()).isEqualTo(1);
            assertThat(s.wrongfulSendBacks()).isEqualTo(1);
        });
    }

    @Test
    void anExtensionMovesOnlyTheOrdersDueTimeAndOverdueOrdersAreChasedThenSupervised() throws Exception {
        clock.set(MONDAY_9);
        OpinionEvent e = fixtures.plannedCitizenMatter("城北公厕无人保洁", "城北公厕长期无人保洁，异味大。", null, fixtures.housing());
        WorkOrder o = orderOf(e, fixtures.housing());
        DataScope housing = As.scopeOf(directory, "zhujian.huiying");
        var responder = accounts.loadUserByUsername("zhujian.huiying");
        workOrders.signFor(o.id(), housing, responder);
        var standardClocks = deadlines.board(e.id(), DataScope.installation()).deadlines().stream().map(Deadline::dueAt).toList();

        assertThatThrownBy(() -> workOrders.requestExtension(o.id(), housing, responder, o.dueAt(), "需要更多时间"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("应晚于现在的办理时限");
        Instant until = o.dueAt().plus(Duration.ofDays(2));
        workOrders.requestExtension(o.id(), housing, responder, until, "需协调环卫公司");
        assertThatThrownBy(() -> workOrders.requestExtension(o.id(), housing, responder, until.plusSeconds(60), "再延"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("待审批");
        var office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = As.scopeOf(directory, "zhengfuban");
        assertThat(workOrders.awaitingDecision(officeScope, office)).extracting(WorkOrder::id).contains(o.id());
        workOrders.decideExtension(o.id(), officeScope, office, true, "同意");
        WorkOrder extended = workOrders.ofEvent(o.id(), DataScope.installation());
        assertThat(extended.dueAt()).isEqualTo(until);
        assertThat(extended.extensionsApproved()).isEqualTo(1);
        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines().stream().map(Deadline::dueAt).toList())
                .as("the standard's clocks of 4.4 never move").isEqualTo(standardClocks);

        // past the extended due time: a 催办通知书 drafted from the record; a working day later a 督办单
        clock.set(until.plusSeconds(60));
        clocks.stepDue();
        clocks.stepDue();
        var notices = workOrders.chaseNotices(officeScope, office).stream().filter(c -> c.orderId().equals(o.id())).toList();
        assertThat(notices).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChaseNotice.Kind.CHASE);
            assertThat(c.issued()).isFalse();
            assertThat(c.text()).contains("“城北公厕无人保洁”").contains("办理时限为" + cn.yuqing.shared.Times.format(until))
                    .contains("特此催办");
        });
        assertThat(told("zhengfuban", "已拟催办通知书：城北公厕无人保洁")).isTrue();
        ChaseNotice urge = notices.get(0);
        workOrders.issue(urge.id(), urge.version(), officeScope, office, urge.text() + "（请于明日上午报告）");
        assertThat(told("zhujian.huiying", "催办通知书：城北公厕无人保洁")).isTrue();
        assertThatThrownBy(() -> workOrders.issue(urge.id(), urge.version() + 1, officeScope, office, null))
                .isInstanceOf(DomainRuleViolation.class);
        clock.set(until.plus(Duration.ofDays(3)));
        clocks.stepDue();
        ChaseNotice supervise = workOrders.chaseNotices(officeScope, office).stream()
                .filter(c -> c.orderId().equals(o.id()) && c.kind() == ChaseNotice.Kind.SUPERVISE).findFirst().orElseThrow();
        assertThat(supervise.text()).contains("经" + urge.number() + "催办后仍未办结").contains("列为督办事项");
        workOrders.issue(supervise.id(), supervise.version(), officeScope, office, null);
        try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(workOrders.document(
                workOrders.chaseNotice(supervise.id(), housing, responder))))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("督办单");
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains(supervise.number(), "潢川县住房和城乡建设局：",
                    "潢川县人民政府办公室");
        }
        assertThat(opinions.orders(e.id())).singleElement().satisfies(s -> {
            assertThat(s.chasesIssued()).isEqualTo(1);
            assertThat(s.supervisionsIssued()).isEqualTo(1);
            assertThat(s.extensionsApproved()).isEqualTo(1);
        });
        assertThat(workOrders.chaseNotices(As.scopeOf(directory, "sanpi.huiying"), accounts.loadUserByUsername("sanpi.huiying"))).noneMatch(c -> c.orderId().equals(o.id()));
    }

    @Test
    void anOverdueClockOfTheStandardChasesTheResponsibleUnitsOrderOnceThenSupervisesIt() {
        clock.set(MONDAY_9);
        OpinionEvent e = fixtures.plannedCitizenMatter("城西小区停水三天", "城西小区停水三天，没有任何通知。", null, fixtures.housing());
        WorkOrder o = orderOf(e, fixtures.housing());
        Deadline response = deadlines.board(e.id(), DataScope.installation()).deadlines().get(0);
        clock.set(response.dueAt().plusSeconds(60));
        timers.fireDue();
        timers.fireDue();
        DataScope officeScope = As.scopeOf(directory, "zhengfuban");
        var office = accounts.loadUserByUsername("zhengfuban");
        await().atMost(Duration.ofSeconds(10)).until(() -> !workOrders.chaseNotices(officeScope, office).isEmpty());
        var chased = workOrders.chaseNotices(officeScope, office).stream().filter(c -> c.orderId().equals(o.id())).toList();
        assertThat(chased).as("one 催办通知书 for the missed clock").singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChaseNotice.Kind.CHASE);
            assertThat(c.text()).contains("本规范第4.4条规定的" + response.title()).contains("“城西小区停水三天”");
        });
        clock.set(response.dueAt().plus(Duration.ofDays(3)));
        timers.fireDue();
        timers.fireDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> workOrders.chaseNotices(officeScope, office).size() > 1);
        assertThat(workOrders.chaseNotices(officeScope, office).stream().filter(c -> c.orderId().equals(o.id())).map(ChaseNotice::kind))
                .as("the step up after the miss makes it a 督办单, once").containsExactlyInAnyOrder(ChaseNotice.Kind.CHASE,
                        ChaseNotice.Kind.SUPERVISE);
    }

    @Test
    void anUpheld退单ReRoutesTheEventByClause3AndTheNewUnitGetsItsOrder() {
        clock.set(MONDAY_9);
        Long sanpi = fixtures.unit("伞陂镇人民政府");
        Long xuezi = fixtures.unit("踅孜镇人民政府");
        OpinionEvent e = fixtures.plannedCitizenMatter("踅孜镇某村排水沟堵塞", "踅孜镇某村排水沟堵塞，污水漫进院子。", null, sanpi);
        WorkOrder wrong = orderOf(e, sanpi);
        workOrders.sendBack(wrong.id(), As.scopeOf(directory, "sanpi.huiying"), accounts.loadUserByUsername("sanpi.huiying"),
                WorkOrder.SendBackReason.NOT_TERRITORY, "该村属踅孜镇管辖");
        var office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = As.scopeOf(directory, "zhengfuban");
        assertThat(workOrders.unitsToRouteTo(wrong)).extracting(u -> u.id()).contains(xuezi).doesNotContain(sanpi);
        assertThatThrownBy(() -> workOrders.uphold(wrong.id(), officeScope, office, sanpi, null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("另一个单位");
        workOrders.uphold(wrong.id(), officeScope, office, xuezi, "按属地改派");
        OpinionEvent rerouted = opinions.require(e.id(), DataScope.installation());
        assertThat(rerouted.responsibleUnitId()).isEqualTo(xuezi);
        assertThat(rerouted.routing()).contains("踅孜镇人民政府").contains("系统认定");
        WorkOrder old = workOrders.ofEvent(wrong.id(), DataScope.installation());
        assertThat(old.status()).isEqualTo(WorkOrder.Status.WITHDRAWN);
        assertThat(old.arbitration()).isEqualTo(WorkOrder.Arbitration.UPHELD);
        assertThat(old.wrongfulSendBacks()).isZero();
        WorkOrder fresh = orderOf(rerouted, xuezi);
        assertThat(fresh.duty()).as("asked what its new role asks").doesNotStartWith(EventParty.Role.CO_HANDLER.label());
        assertThat(fresh.status()).isEqualTo(WorkOrder.Status.SENT);
        assertThat(fresh.signForDue()).isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));
        assertThat(told("xuezi.huiying", "新任务单：踅孜镇某村排水沟堵塞")).isTrue();
    }
}

package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.notification.Notification;
import cn.yuqing.notification.Notifications;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.opinion.WorkOrder;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.ReleasePublished;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The clocks of 4.4 on the demo directory, with a moved clock: nothing here sleeps. */
@WebTest
class DeadlineIntegrationTests {

    static final Instant FIRST_KNOWN = Instant.parse("2027-07-20T01:00:00Z"); // 09:00 Tuesday in 潢川

    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.opinion.WorkOrders workOrders;

    @Autowired

    cn.yuqing.opinion.EventRouting routing;
    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineTimers timers;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    MutableClock clock;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineRepository deadlineRepository;
    @Autowired
    DeadlineRecipients recipients;
    @Autowired
    DeadlineSettings settings;

    SignedInPerson analyst;
    DataScope scope;

    @BeforeEach
    void setUp() {
        clock.set(FIRST_KNOWN);
        timers.fireDue(); // what earlier tests left due is not this test's business
        analyst = accounts.loadUserByUsername("yanpan");
        scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
    }

    /** An event first known at {@link #FIRST_KNOWN}, verified, and routed to the 住建局 an hour later. */
    OpinionEvent verifiedEvent(String text) {
        clock.set(FIRST_KNOWN);
        OpinionEvent e = fixtures.verifiedEvent(null, text);
        clock.advance(Duration.ofHours(1));
        return routing.override(e.id(), e.version(), scope, analyst, housing(), null, null, "测试：住建局主管");
    }

    OpinionEvent judged(String text, String grade, boolean emergency) {
        OpinionEvent e = verifiedEvent(text);
        return opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("d"), grade, emergency, "突发事件");
    }

    Long housing() {
        return fixtures.housing();
    }

    Deadline clock(OpinionEvent e, ClockKind kind) {
        return deadlines.board(e.id(), DataScope.installation()).deadlines().stream()
                .filter(d -> d.clock() == kind && d.open()).findFirst().orElseThrow();
    }

    List<DeadlineEntry.Kind> historyOf(OpinionEvent e, ClockKind kind) {
        Deadlines.Board board = deadlines.board(e.id(), DataScope.installation());
        return board.deadlines().stream().filter(d -> d.clock() == kind).flatMap(d -> board.historyOf(d).stream())
                .map(DeadlineEntry::kind).toList();
    }

    List<Notification> inboxOf(String username, OpinionEvent e) {
        return notifications.inbox(directory.person(username).orElseThrow().id()).stream()
                .filter(n -> ("/events/" + e.id()).equals(n.link())).toList();
    }

    @Test
    void majorEmergencyGetsFiveHourStatementAndTwentyFourHourPressConferenceFromFirstKnown() {
        OpinionEvent e = judged("潢川县城区一处在建工地塔吊倒塌，砸中路边商铺，现场有人员被困。", "MAJOR", true);

        Deadlines.Board board = deadlines.board(e.id(), DataScope.installation());
        assertThat(board.deadlines()).extracting(Deadline::clock)
                .containsExactlyInAnyOrder(ClockKind.STATEMENT, ClockKind.PRESS_CONFERENCE);
        assertThat(clock(e, ClockKind.STATEMENT).dueAt()).isEqualTo(FIRST_KNOWN.plus(Duration.ofHours(5)));
        assertThat(clock(e, ClockKind.PRESS_CONFERENCE).dueAt()).isEqualTo(FIRST_KNOWN.plus(Duration.ofHours(24)));
        assertThat(clock(e, ClockKind.STATEMENT).countdownAt(clock.instant())).isEqualTo("剩余 4小时");
    }

    @Test
    void ordinaryEventGetsFortyEightHourResponseClock() {
        OpinionEvent e = judged("踅孜镇集市摊位费上涨，摊主反映收费标准不公开。", "ORDINARY", false);

        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines()).extracting(Deadline::clock)
                .containsExactly(ClockKind.RESPONSE);
        assertThat(clock(e, ClockKind.RESPONSE).dueAt()).isEqualTo(FIRST_KNOWN.plus(Duration.ofHours(48)));
    }

    @Test
    void remindersFireAtTheirPointsAndTheMissedStatementEscalatesStepByStep() {
        OpinionEvent e = judged("城区自来水厂停水三天，居民无水可用，县里没有任何说明。", "MAJOR", true);
        // 50 % of 5 h from 09:00 is 11:30; the clock started at 10:00
        clock.set(FIRST_KNOWN.plus(Duration.ofMinutes(150)));
        timers.fireDue();
        assertThat(historyOf(e, ClockKind.STATEMENT)).containsExactly(DeadlineEntry.Kind.STARTED, DeadlineEntry.Kind.REMINDED);
        assertThat(inboxOf("zhujian.huiying", e)).anyMatch(n -> n.title().startsWith("时限提醒：权威信息发布"));

        clock.set(FIRST_KNOWN.plus(Duration.ofHours(5)).plusSeconds(1));
        assertThat(timers.fireDue()).isEqualTo(4); // 80 % and 30 min before, the due time, escalation step 0
        assertThat(clock(e, ClockKind.STATEMENT).status()).isEqualTo(Deadline.Status.MISSED);
        assertThat(inboxOf("zhujian.huiying", e)).anyMatch(n -> n.title().startsWith("已超时：权威信息发布") && n.urgent());
        assertThat(inboxOf("zhujian.fuzeren", e)).anyMatch(n -> n.title().startsWith("督办：权威信息发布"));
        assertThat(inboxOf("zhengfuban", e)).noneMatch(n -> n.title().startsWith("督办"));

        clock.advance(Duration.ofMinutes(30));
        timers.fireDue();
        assertThat(inboxOf("zhengfuban", e)).anyMatch(n -> n.title().startsWith("督办：权威信息发布"));
        assertThat(inboxOf("xianzhang", e)).noneMatch(n -> n.title().startsWith("督办：权威信息发布"));

        clock.advance(Duration.ofMinutes(30));
        timers.fireDue();
        assertThat(inboxOf("xianzhang", e)).anyMatch(n -> n.title().startsWith("督办：权威信息发布"));

        clock.advance(Duration.ofHours(1));
        timers.fireDue();
        assertThat(inboxOf("shi.zhengfuban", e)).anyMatch(n -> n.title().startsWith("督办：权威信息发布"));
        // the two reminder points passed with the due time are not sent: the miss says more
        assertThat(historyOf(e, ClockKind.STATEMENT)).containsExactly(DeadlineEntry.Kind.STARTED, DeadlineEntry.Kind.REMINDED,
                DeadlineEntry.Kind.SKIPPED, DeadlineEntry.Kind.SKIPPED, DeadlineEntry.Kind.MISSED,
                DeadlineEntry.Kind.ESCALATED, DeadlineEntry.Kind.ESCALATED, DeadlineEntry.Kind.ESCALATED,
                DeadlineEntry.Kind.ESCALATED);
        assertThat(inboxOf("zhujian.huiying", e).stream().filter(n -> n.title().startsWith("时限提醒：权威信息发布"))).hasSize(1);
        assertThat(timers.fireDue()).isZero();
    }

    @Test
    void threeReminderPointsPassedAtOnceSendOneReminderAndSayTheOthersWereSkipped() {
        OpinionEvent e = judged("城区一小区燃气管道泄漏，居民被紧急疏散，现场情况不明。", "MAJOR", true);
        // 50 % (11:30), 80 % (13:00) and 30 min before (13:30) of the 5 h statement clock, all at once, before 14:00
        clock.set(FIRST_KNOWN.plus(Duration.ofMinutes(285)));
        assertThat(timers.fireDue()).isGreaterThanOrEqualTo(3);

        assertThat(historyOf(e, ClockKind.STATEMENT)).containsExactly(DeadlineEntry.Kind.STARTED, DeadlineEntry.Kind.SKIPPED,
                DeadlineEntry.Kind.SKIPPED, DeadlineEntry.Kind.REMINDED);
        assertThat(inboxOf("zhujian.huiying", e).stream().filter(n -> n.title().startsWith("时限提醒：权威信息发布")))
                .singleElement().satisfies(n -> assertThat(n.body()).contains("剩余 15分钟"));
        assertThat(clock(e, ClockKind.STATEMENT).status()).isEqualTo(Deadline.Status.RUNNING);
    }

    @Test
    void aPublishedReleaseStopsItsClockLateByHowMuchAndStartsTheFollowUpClock() {
        OpinionEvent e = judged("仁和镇一化工厂夜间排放刺鼻气体，附近村民多人头晕。", "MAJOR", true);
        clock.set(FIRST_KNOWN.plus(Duration.ofHours(6)));
        timers.fireDue();
        publisher.publishEvent(new ReleasePublished(e.id(), null, ReleaseKind.AUTHORITATIVE_STATEMENT, clock.instant(), "县生态环境局情况通报"));

        Deadlines.Board board = deadlines.board(e.id(), DataScope.installation());
        Deadline statement = board.deadlines().stream().filter(d -> d.clock() == ClockKind.STATEMENT).findFirst().orElseThrow();
        assertThat(statement.status()).isEqualTo(Deadline.Status.MET);
        assertThat(board.historyOf(statement)).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(DeadlineEntry.Kind.MET);
            assertThat(entry.lateByMinutes()).isEqualTo(60L);
        });
        assertThat(statement.countdownAt(clock.instant())).isEqualTo("超时1小时后完成");
        assertThat(board.summary()).isEqualTo("按时完成 0 项，超时完成 1 项，超时未完成 0 项");
        Deadline followUp = clock(e, ClockKind.FOLLOW_UP);
        assertThat(followUp.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(clock(e, ClockKind.PRESS_CONFERENCE).status()).isEqualTo(Deadline.Status.RUNNING);

        publisher.publishEvent(new ReleasePublished(e.id(), null, ReleaseKind.PRESS_CONFERENCE, clock.instant().plusSeconds(60),
                "新闻发布会"));
        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines()).filteredOn(Deadline::open)
                .extracting(Deadline::title).containsExactly("持续发布（第2次）");
        assertThat(jdbc.queryForObject("select count(*) from deadline_timer where deadline_id = ?", Long.class, statement.id()))
                .isZero();
    }

    @Test
    void regradeToMajorStartsFiveHourClocksFromTheRegradeAndSupersedesTheLaxerResponseClock() {
        OpinionEvent e = judged("县医院门诊排长队，患者反映挂号难。", "LARGE", false);
        Instant responseDue = clock(e, ClockKind.RESPONSE).dueAt();
        clock.set(FIRST_KNOWN.plus(Duration.ofHours(10)));
        e = opinions.regrade(e.id(), e.version(), scope, analyst, "MAJOR", true, "事态升级，出现群体聚集");

        assertThat(clock(e, ClockKind.STATEMENT).dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(5)));
        assertThat(clock(e, ClockKind.STATEMENT).basis()).isEqualTo(Deadline.Basis.REGRADE);
        assertThat(clock(e, ClockKind.PRESS_CONFERENCE).dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        Deadline response = deadlines.board(e.id(), DataScope.installation()).deadlines().stream()
                .filter(d -> d.clock() == ClockKind.RESPONSE).findFirst().orElseThrow();
        assertThat(response.status()).isEqualTo(Deadline.Status.SUPERSEDED);
        assertThat(response.dueAt()).as("a due time is never rewritten").isEqualTo(responseDue);
    }

    @Test
    void regradeToMajorKeepsAnEarlierStricterClock() {
        OpinionEvent e = judged("伞陂镇道路塌陷，一辆货车陷入坑中。", "ORDINARY", false);
        clock.set(FIRST_KNOWN.plus(Duration.ofHours(46))); // the 48 h response is due in 2 h, stricter than 5 h
        e = opinions.regrade(e.id(), e.version(), scope, analyst, "MAJOR", true, "出现人员受伤");

        assertThat(clock(e, ClockKind.RESPONSE).dueAt()).isEqualTo(FIRST_KNOWN.plus(Duration.ofHours(48)));
        assertThat(historyOf(e, ClockKind.RESPONSE)).containsExactly(DeadlineEntry.Kind.STARTED, DeadlineEntry.Kind.KEPT);
        Deadlines.Board board = deadlines.board(e.id(), DataScope.installation());
        assertThat(board.deadlines().stream().filter(d -> d.clock() == ClockKind.RESPONSE).flatMap(d -> board.historyOf(d).stream())
                .filter(h -> h.kind() == DeadlineEntry.Kind.KEPT).map(DeadlineEntry::detail))
                .as("the grade by its name, not its code (issue 23)").singleElement().asString().startsWith("调整等级为重大后");
        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines()).extracting(Deadline::clock)
                .containsExactlyInAnyOrder(ClockKind.RESPONSE, ClockKind.PRESS_CONFERENCE);
    }

    @Test
    void aWorkOrderReturnedAndResentKeepsItsClocksAndRemindsWhoeverHoldsItNow() {
        OpinionEvent e = judged("城区老旧小区改造停工，楼道堆满建筑垃圾。", "ORDINARY", false);
        opinions.addTalkingPoints(e.id(), scope, analyst, "正在协调施工单位复工");
        e = opinions.require(e.id(), scope);
        e = opinions.makePlan(e.id(), e.version(), scope, analyst, "县政府网站", null);
        Deadline before = clock(e, ClockKind.RESPONSE);
        WorkOrder order = opinions.workOrders(e.id()).stream().filter(o -> o.unitId().equals(housing())).findFirst().orElseThrow();
        SignedInPerson responder = accounts.loadUserByUsername("zhujian.huiying");
        DataScope housingScope = directory.scopeOf(directory.person("zhujian.huiying").orElseThrow());

        clock.advance(Duration.ofHours(2));
        workOrders.sendBack(order.id(), housingScope, responder, cn.yuqing.opinion.WorkOrder.SendBackReason.NOT_COMPETENT, "属于踅孜镇管辖");
        clock.advance(Duration.ofHours(1));
        workOrders.reject(order.id(), scope, analyst, "请住建局牵头核查");

        Deadline after = clock(e, ClockKind.RESPONSE);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.dueAt()).isEqualTo(before.dueAt());
        clock.set(FIRST_KNOWN.plus(Duration.ofHours(24)).plusSeconds(1)); // 50 % of 48 h
        timers.fireDue();
        assertThat(historyOf(e, ClockKind.RESPONSE)).containsExactly(DeadlineEntry.Kind.STARTED, DeadlineEntry.Kind.REMINDED);
        assertThat(inboxOf("zhujian.huiying", e)).anyMatch(n -> n.title().startsWith("时限提醒：回应"));
        assertThat(recipients.dutyUnits(opinions.event(e.id(), scope))).contains(housing());
    }

    @Test
    void closingStopsTheRunningClocks() {
        OpinionEvent e = judged("县城夜市噪音扰民。", "ORDINARY", false);
        e = opinions.regrade(e.id(), e.version(), scope, analyst, "LARGE", false, "关注度上升");
        jdbc.update("update opinion_event set state = 'FOLLOWING_UP' where id = ?", e.id());
        e = opinions.require(e.id(), scope);
        java.util.Map<String, String> waivers = new java.util.HashMap<>();
        opinions.openDuties(e.id(), scope).forEach(d -> waivers.put(d.key(), "测试：不再办理"));
        assertThat(waivers).as("the running response clock is a duty").isNotEmpty();
        opinions.close(e.id(), e.version(), scope, analyst, "已处理", waivers);

        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines()).noneMatch(Deadline::open);
        assertThat(deadlines.board(e.id(), DataScope.installation()).summary()).isEqualTo("按时完成 0 项，超时完成 0 项，超时未完成 0 项");
        assertThat(jdbc.queryForObject("select count(*) from deadline_timer t join deadline d on d.id = t.deadline_id"
                + " where d.event_id = ?", Long.class, e.id())).isZero();
    }

    @Test
    void aTimerThatFellDueWhileNoNodeWasRunningFiresOnceAfterRestartWithItsLatenessOnRecord() {
        OpinionEvent e = judged("县城区燃气管道泄漏，附近居民紧急疏散。", "ESPECIALLY_MAJOR", true);
        // the process is down from 13:00 to 16:00; the statement fell due at 14:00
        clock.set(FIRST_KNOWN.plus(Duration.ofHours(7)));
        DeadlineTimers restarted = new DeadlineTimers(jdbc, txManager, deadlineRepository, deadlines, opinions, recipients,
                publisher, settings, clock);
        List<Duration> lateness = new ArrayList<>();
        restarted.fireDue(lateness::add);

        assertThat(historyOf(e, ClockKind.STATEMENT)).filteredOn(k -> k == DeadlineEntry.Kind.MISSED).hasSize(1);
        assertThat(lateness).contains(Duration.ofHours(2));
        assertThat(timers.fireDue()).isZero();
        assertThat(historyOf(e, ClockKind.STATEMENT)).filteredOn(k -> k == DeadlineEntry.Kind.MISSED).hasSize(1);
    }

    @Test
    void twoSchedulerInstancesOnOneDatabaseFireEachTimerOnce() throws Exception {
        List<OpinionEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(judged("第" + i + "起：县城区多处路灯不亮，夜间出行不便，市民反映多次无人处理。", "MAJOR", true));
        }
        clock.set(FIRST_KNOWN.plus(Duration.ofDays(3)));
        long due = jdbc.queryForObject("select count(*) from deadline_timer where fire_at <= ?", Long.class,
                java.sql.Timestamp.from(clock.instant()));
        assertThat(due).isGreaterThanOrEqualTo(6 * 16);
        DeadlineSettings small = new DeadlineSettings(null, 3, null);
        Callable<Integer> node = () -> new DeadlineTimers(jdbc, txManager, deadlineRepository, deadlines, opinions, recipients,
                publisher, small, clock).fireDue();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> fired = two.invokeAll(List.of(node, node));
            assertThat(fired.get(0).get() + fired.get(1).get()).isEqualTo((int) due);
        } finally {
            two.shutdown();
        }
        for (OpinionEvent e : events) {
            assertThat(historyOf(e, ClockKind.STATEMENT)).filteredOn(k -> k == DeadlineEntry.Kind.MISSED).hasSize(1);
            assertThat(historyOf(e, ClockKind.STATEMENT)).filteredOn(k -> k == DeadlineEntry.Kind.ESCALATED).hasSize(4);
            assertThat(historyOf(e, ClockKind.PRESS_CONFERENCE)).filteredOn(k -> k == DeadlineEntry.Kind.MISSED).hasSize(1);
            assertThat(historyOf(e, ClockKind.PRESS_CONFERENCE)).filteredOn(k -> k == DeadlineEntry.Kind.ESCALATED).hasSize(4);
            // a reminder taken up by one node after the other has marked the clock missed is not sent: at most once
            assertThat(historyOf(e, ClockKind.PRESS_CONFERENCE)).filteredOn(k -> k == DeadlineEntry.Kind.REMINDED).hasSizeLessThanOrEqualTo(3);
        }
        Integer more = new TransactionTemplate(txManager).execute(s -> timers.fireDue());
        assertThat(more).isZero();
    }

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @Test
    void aTimerWhoseWorkFailsIsRetriedLaterWithItsErrorOnRecordAndTheOthersStillFire() {
        OpinionEvent failing = judged("县城区供暖管道爆裂，多个小区停暖。", "ORDINARY", false);
        OpinionEvent fine = judged("县城区公交线路调整，市民反映不便。", "ORDINARY", false);
        Long broken = clock(failing, ClockKind.RESPONSE).id();
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> fault = event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> p
                    && p.getPayload() instanceof DeadlineChanged change && change.deadlineId().equals(broken) && change.missed()) {
                throw new IllegalStateException("模拟故障");
            }
        };
        context.addApplicationListener(fault);
        try {
            clock.set(FIRST_KNOWN.plus(Duration.ofHours(48)).plusSeconds(1));
            timers.fireDue();
            assertThat(clock(fine, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.MISSED);
            assertThat(clock(failing, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.RUNNING);
            // its due-time timer and its first escalation both failed; both wait for another try
            assertThat(deadlines.failingTimers()).hasSize(2).allMatch(f -> f.contains("模拟故障") && f.contains("第1次重试"));
        } finally {
            context.removeApplicationListener(fault);
        }
        clock.advance(Duration.ofMinutes(1));
        timers.fireDue();
        assertThat(clock(failing, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.MISSED);
        assertThat(deadlines.failingTimers()).isEmpty();
    }
}

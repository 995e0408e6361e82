package cn.yuqing.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Follow-up of 4.5: spread from the figures, re-assessment and re-grade, what falls due, guidance, the trend. */
@WebTest
class FollowUpTests {

    @Autowired
    FollowUps followUps;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Releases releases;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    SignedInPerson analyst;
    DataScope scope;

    @BeforeEach
    void setUp() {
        analyst = accounts.loadUserByUsername("yanpan");
        scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
    }

    OpinionEvent event(String title, String grade, boolean emergency) {
        return fixtures.judgedEvent(title, cn.yuqing.opinion.MatterKind.MAJOR_PROBLEM, grade, emergency);
    }

    Deadline latest(OpinionEvent e, ClockKind kind) {
        return deadlines.board(e.id(), DataScope.installation()).deadlines().stream().filter(d -> d.clock() == kind)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theReassessmentReadsTheSpreadAndARegradeRestartsTheClocks() {
        Instant t0 = Instant.parse("2027-09-06T00:00:00Z");
        clock.set(t0);
        OpinionEvent e = event("城南菜市场占道经营", "ORDINARY", false);
        assertThat(latest(e, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.RUNNING);
        clock.set(t0.plus(Duration.ofHours(3)));
        fixtures.addItem(e.candidateId(), "城南菜市场门口又堵了，占道经营没人管");
        for (int hour = 9; hour <= 12; hour++) {
            clock.set(t0.plus(Duration.ofHours(hour)));
            fixtures.addItem(e.candidateId(), "城南菜市场占道经营第" + hour + "次被曝光，车辆无法通行");
        }
        clock.set(t0.plus(Duration.ofHours(14)));

        FollowUps.Picture picture = followUps.picture(e.id(), scope);
        assertThat(picture.figures().items()).isEqualTo(6);
        assertThat(picture.spread().recentItems()).as("09–12 h, within the last 6 h").isEqualTo(4);
        assertThat(picture.spread().beforeItems()).as("03 h, within the 6 h before").isEqualTo(1);
        assertThat(picture.spread().trend()).isEqualTo(Spread.Trend.RISING);

        Reassessment r = followUps.reassess(e.id(), e.version(), scope, analyst, "MAJOR", true, "可能引发商户与城管冲突", "升级处置");
        assertThat(r.regraded()).isTrue();
        assertThat(r.items()).isEqualTo(6);
        assertThat(r.trend()).isEqualTo(Spread.Trend.RISING);
        OpinionEvent regraded = opinions.require(e.id(), scope);
        assertThat(regraded.grade()).isEqualTo("MAJOR");
        assertThat(regraded.emergency()).isTrue();
        Deadline statement = latest(e, ClockKind.STATEMENT);
        assertThat(statement.status()).isEqualTo(Deadline.Status.RUNNING);
        assertThat(statement.basis()).isEqualTo(Deadline.Basis.REGRADE);
        assertThat(statement.dueAt()).isEqualTo(t0.plus(Duration.ofHours(19)));
        assertThat(latest(e, ClockKind.RESPONSE).status()).as("the stricter 5 h clock replaces the 48 h one")
                .isEqualTo(Deadline.Status.SUPERSEDED);
        assertThat(regraded.steps().stream().filter(s -> s.action().equals("REGRADE")).findFirst().orElseThrow().note())
                .contains("跟进研判").contains("加快");

        Reassessment same = followUps.reassess(e.id(), regraded.version(), scope, analyst, "MAJOR", true, "热度趋稳", null);
        assertThat(same.regraded()).isFalse();
        assertThat(opinions.require(e.id(), scope).version()).isEqualTo(regraded.version());

        assertThatThrownBy(() -> followUps.reassess(e.id(), regraded.version(), scope, analyst, "ESPECIALLY_MAJOR", true, " ", null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("预期后果");
        assertThat(opinions.require(e.id(), scope).grade()).as("refused whole: no re-grade without its record").isEqualTo("MAJOR");
        assertThat(followUps.reassessments(e.id(), scope)).hasSize(2);
    }

    @Test
    void aReassessmentFallsDueByGradeAndMovesOnWhenMade() {
        Instant t0 = Instant.parse("2027-09-08T02:00:00Z");
        clock.set(t0);
        OpinionEvent major = event("污水处理厂溢流", "MAJOR", true);
        OpinionEvent ordinary = event("小区路灯不亮", "ORDINARY", false);
        assertThat(dueOf(major).dueAt()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(dueOf(major).overdue()).isFalse();
        assertThat(dueOf(ordinary).dueAt()).isEqualTo(t0.plus(Duration.ofHours(72)));

        clock.advance(Duration.ofHours(25));
        assertThat(dueOf(major).overdue()).isTrue();
        assertThat(dueOf(ordinary).overdue()).isFalse();
        followUps.remindDue();
        followUps.remindDue();
        assertThat(reminders(major)).as("once, however often it runs").isEqualTo(1);
        assertThat(reminders(ordinary)).isZero();
        assertThat(notifications.inbox(directory.person("yanpan").orElseThrow().id())).filteredOn(n -> n.title().equals("跟进研判到期：污水处理厂溢流"))
                .hasSize(1);
        followUps.reassess(major.id(), major.version(), scope, analyst, "MAJOR", true, "影响可控", null);
        assertThat(dueOf(major).dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(dueOf(major).overdue()).isFalse();
        assertThat(followUps.due(As.scopeOf(directory, "xuezi.huiying"))).as("another unit's events are not listed")
                .noneMatch(d -> d.event().id().equals(major.id()));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    cn.yuqing.notification.Notifications notifications;

    int reminders(OpinionEvent e) {
        return jdbc.queryForObject("select count(*) from reassessment_reminder where event_id = ?", Integer.class, e.id());
    }

    FollowUps.Due dueOf(OpinionEvent e) {
        return followUps.due(scope).stream().filter(d -> d.event().id().equals(e.id())).findFirst().orElseThrow();
    }

    /** 3.1.1: the principal leader guides an especially major event; the guidance has its place on the event's record. */
    @Test
    void thePrincipalLeaderRecordsGuidanceOnAnEspeciallyMajorEvent() throws Exception {
        clock.set(Instant.parse("2027-09-11T03:00:00Z"));
        OpinionEvent e = event("踅孜镇桥梁垮塌有人被困", "ESPECIALLY_MAJOR", true);
        String now = LocalDateTime.ofInstant(clock.instant(), Times.ZONE).toString();
        mvc.perform(post("/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "xianzhang")).with(csrf())
                        .param("kind", "PRINCIPAL_LEADER_GUIDANCE").param("source", "何明（县长）").param("givenAt", now)
                        .param("content", "全力搜救被困群众，交通局牵头抢修，今晚八点前发布权威信息"))
                .andExpect(status().is3xxRedirection());
        assertThat(followUps.guidance(e.id(), scope)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Guidance.Kind.PRINCIPAL_LEADER_GUIDANCE);
            assertThat(g.source()).isEqualTo("何明（县长）");
        });
        mvc.perform(get("/events/{id}/follow-up", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("主要负责同志指导意见")));
    }

    @Test
    void guidanceIsOnRecordWithWhoGaveItAndIsShownEscaped() throws Exception {
        clock.set(Instant.parse("2027-09-10T03:00:00Z"));
        OpinionEvent e = event("老旧小区加装电梯纠纷", "LARGE", false);
        String now = LocalDateTime.ofInstant(clock.instant(), Times.ZONE).toString();
        mvc.perform(post("/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "yanpan")).with(csrf())
                        .param("kind", "EXPERT_INTERPRETATION").param("source", "<script>alert(1)</script>李教授（城市规划）")
                        .param("givenAt", now).param("content", "加装电梯须经业主表决，低层住户的补偿可协商。")
                        .param("channel", "县融媒体中心"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "zhujian.fuzeren")).with(csrf())
                        .param("kind", "SUPERIOR_GUIDANCE").param("source", "市住建局").param("givenAt", now)
                        .param("content", "请按政策依法依规做好解释"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "yanpan")).with(csrf())
                        .param("kind", "PUBLICITY_GUIDANCE").param("source", "县委宣传部")
                        .param("givenAt", LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), Times.ZONE).toString())
                        .param("content", "明天的意见"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "zhujian.huiying")).with(csrf())
                        .param("kind", "SUPERIOR_GUIDANCE").param("source", "市住建局").param("givenAt", now).param("content", "x"))
                .andExpect(status().isForbidden());

        assertThat(followUps.guidance(e.id(), scope)).as("a time in the future and a responder without the right are refused")
                .extracting(Guidance::kind).containsExactly(Guidance.Kind.EXPERT_INTERPRETATION, Guidance.Kind.SUPERIOR_GUIDANCE);
        mvc.perform(get("/events/{id}/follow-up", e.id()).with(As.person(accounts, "zhujian.huiying")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;李教授")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("县融媒体中心")));
        mvc.perform(get("/events/{id}/follow-up", e.id()).with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTrendCountsTheItemsByTheHourAndMarksPublishedReleases() throws Exception {
        Instant t0 = Instant.parse("2027-09-13T01:10:00Z");
        clock.set(t0);
        OpinionEvent e = event("桥梁护栏破损", "LARGE", false);
        opinions.addTalkingPoints(e.id(), scope, analyst, "已设置警示标志，三日内修复。");
        clock.set(t0.plus(Duration.ofHours(2)));
        fixtures.addItem(e.candidateId(), "桥梁护栏破损两天了还没修");
        fixtures.addItem(e.candidateId(), "桥梁护栏破损，孩子上学很危险");
        Release r = releases.firstDraft(e.id(), scope, analyst, ReleaseKind.PORTAL_NOTICE);
        r = releases.review(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), accounts.loadUserByUsername("zhengfuban"), "同意");
        r = releases.signOff(r.id(), r.version(), As.scopeOf(directory, "zhujian.fuzeren"), accounts.loadUserByUsername("zhujian.fuzeren"));
        clock.set(t0.plus(Duration.ofHours(3)));
        releases.publish(r.id(), r.version(), As.scopeOf(directory, "zhujian.fuzeren"), accounts.loadUserByUsername("zhujian.fuzeren"));

        assertThat(latest(e, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.MET);
        e = opinions.require(e.id(), scope);
        followUps.reassess(e.id(), e.version(), scope, analyst, "ORDINARY", false, "已修复在即，影响减小", null);
        assertThat(deadlines.board(e.id(), DataScope.installation()).deadlines())
                .as("a re-grade does not ask again for the response already given").filteredOn(Deadline::open)
                .extracting(Deadline::clock).containsExactly(ClockKind.FOLLOW_UP);

        FollowUps.Trend trend = followUps.trend(e.id(), scope);
        assertThat(trend.bucket()).isEqualTo("小时");
        assertThat(trend.labels()).first().isEqualTo("09-13 09时");
        assertThat(trend.items().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(trend.items().get(0)).isEqualTo(1);
        assertThat(trend.items().get(2)).isEqualTo(2);
        assertThat(trend.releases()).singleElement().satisfies(m -> assertThat(m.index()).isEqualTo(3));
        mvc.perform(get("/events/{id}/follow-up/trend", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labels", hasSize(trend.labels().size())))
                .andExpect(jsonPath("$.releases[0].text", containsString("政府网站公告")));
    }

    @Test
    void theSameRulesHoldThroughTheJsonApi() throws Exception {
        clock.set(Instant.parse("2027-09-20T02:00:00Z"));
        OpinionEvent e = event("城西菜市场排水不畅", "ORDINARY", false);
        var json = org.springframework.http.MediaType.APPLICATION_JSON;
        mvc.perform(post("/api/events/{id}/follow-up/reassessments", e.id()).with(As.person(accounts, "yanpan"))
                        .contentType(json).content("{\"grade\": \"LARGE\", \"consequences\": \"可能积水\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("version")));
        mvc.perform(post("/api/events/{id}/follow-up/reassessments", e.id()).with(As.person(accounts, "zhujian.huiying"))
                        .contentType(json).content("{\"version\": " + e.version() + ", \"grade\": \"LARGE\", \"consequences\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/events/{id}/follow-up/reassessments", e.id()).with(As.person(accounts, "yanpan"))
                        .contentType(json).content("{\"version\": " + e.version() + ", \"grade\": \"LARGE\", \"consequences\": \"雨季可能内涝\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.regraded").value(true));
        mvc.perform(post("/api/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "yanpan"))
                        .contentType(json).content("{\"kind\": \"ORACLE\", \"source\": \"x\", \"givenAt\": \"2027-09-20T01:00:00Z\", \"content\": \"x\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/events/{id}/follow-up/guidance", e.id()).with(As.person(accounts, "yanpan"))
                        .contentType(json).content("{\"kind\": \"SUPERIOR_GUIDANCE\", \"source\": \"市住建局\", \"givenAt\": \"2027-09-20T01:00:00Z\", \"content\": \"加快疏通\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/events/{id}/follow-up", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reassessments[0].grade").value("LARGE"))
                .andExpect(jsonPath("$.guidance[0].source").value("市住建局"));
        assertThat(opinions.require(e.id(), scope).grade()).isEqualTo("LARGE");
    }
}

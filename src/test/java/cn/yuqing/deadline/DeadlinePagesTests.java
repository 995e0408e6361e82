package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DemonstrationClock;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The clocks as people see them: countdowns, the board, the rules, the calendar, the demonstration clock. */
@WebTest
class DeadlinePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    ClockPolicies policies;
    @Autowired
    WorkingDays calendar;
    @Autowired
    Deadlines deadlines;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Instant restore;

    @AfterEach
    void restoreClock() {
        if (restore != null) {
            clock.set(restore);
        }
    }

    OpinionEvent judged(String title, String grade, boolean emergency) {
        clock.set(Instant.parse("2027-07-21T01:00:00Z"));
        OpinionEvent e = fixtures.verifiedEvent(title, "县城区" + title + "，群众反映强烈。");
        return opinions.judge(e.id(), e.version(), directory.scopeOf(directory.person("yanpan").orElseThrow()),
                accounts.loadUserByUsername("yanpan"), true, Set.of("d"), grade, emergency, "突发");
    }

    @Test
    void theBoardAndTheEventShowCountdownsColouredAndEscapedOnlyToThoseInScope() throws Exception {
        OpinionEvent e = judged("<script>alert(1)</script>桥梁垮塌", "MAJOR", true);
        clock.advance(Duration.ofHours(4));

        mvc.perform(get("/deadlines").param("hours", "4").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;桥梁垮塌")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("剩余 1小时")))
                .andExpect(content().string(containsString("text-bg-warning")));
        mvc.perform(get("/events/{id}/clocks", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("权威信息发布")))
                .andExpect(content().string(containsString("新闻发布会")))
                .andExpect(content().string(containsString("开始计时")));
        mvc.perform(get("/events/{id}/clocks", e.id()).with(As.person(accounts, "sanpi.huiying")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/deadlines").with(As.person(accounts, "sanpi.huiying")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("桥梁垮塌"))));
        int due = deadlines.dueWithin(directory.scopeOf(directory.person("yanpan").orElseThrow()), Duration.ofHours(8)).size();
        mvc.perform(get("/deadlines/summary").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("查看全部（" + due + "）")));
    }

    @Test
    void theGovernmentOfficeChangesARuleAndABadValueChangesNothing() throws Exception {
        ClockRule rule = policies.resolve("ORDINARY", false).orElseThrow().rule(ClockKind.RESPONSE).orElseThrow();
        mvc.perform(post("/deadlines/policies/rules/{id}", rule.id()).param("amount", "abc").param("unit", "HOURS")
                .param("reminders", "50%").param("escalation", "0:DEPARTMENT_HEAD")
                .with(As.person(accounts, "zhengfuban")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("整数")));
        mvc.perform(post("/deadlines/policies/rules/{id}", rule.id()).param("amount", "3").param("unit", "WORKING_DAYS")
                .param("reminders", "50%").param("escalation", "0:MAYOR")
                .with(As.person(accounts, "zhengfuban")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("未知的督办对象")));
        assertThat(policies.resolve("ORDINARY", false).orElseThrow().rule(ClockKind.RESPONSE).orElseThrow().allowed())
                .isEqualTo("48小时");
        mvc.perform(post("/deadlines/policies/rules/{id}", rule.id()).param("amount", "3").param("unit", "WORKING_DAYS")
                .param("reminders", "50%").param("escalation", "0:DEPARTMENT_HEAD")
                .with(As.person(accounts, "zhujian.huiying")).with(csrf()))
                .andExpect(status().isForbidden());
        try {
            mvc.perform(post("/deadlines/policies/rules/{id}", rule.id()).param("amount", "3").param("unit", "WORKING_DAYS")
                    .param("reminders", "50%").param("escalation", "0:DEPARTMENT_HEAD")
                    .with(As.person(accounts, "zhengfuban")).with(csrf()))
                    .andExpect(flash().attribute("notice", containsString("已保存")));
            assertThat(policies.resolve("ORDINARY", false).orElseThrow().rule(ClockKind.RESPONSE).orElseThrow().allowed())
                    .isEqualTo("3个工作日");
            mvc.perform(get("/deadlines/policies").with(As.person(accounts, "zhengfuban")))
                    .andExpect(content().string(containsString("超时即告知责任单位负责人")));
        } finally {
            policies.change(rule.id(), 48, Counting.HOURS, "50%,80%,2h", "0:DEPARTMENT_HEAD,4h:GOVERNMENT_OFFICE,24h:PRINCIPAL_LEADER");
        }
    }

    @Test
    void theAdministratorEntersAYearAndAScheduleWithAMistakeIsNotStored() throws Exception {
        mvc.perform(get("/deadlines/calendar").param("year", "2028").with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString("2028年的放假安排尚未录入")));
        mvc.perform(post("/deadlines/calendar").param("year", "2028").param("source", "测试通知")
                .param("lines", "2028-10-02 放假 国庆节\n2028-10-09 上班 错误").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("第2行")));
        assertThat(calendar.entered(2028)).isFalse();
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2028, 10, 2))).isTrue();
        mvc.perform(post("/deadlines/calendar").param("year", "2028").param("source", "测试通知")
                .param("lines", "2028-10-02 放假 国庆节\n2028-10-07 上班 国庆节调休").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("共2天")));
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2028, 10, 2))).isFalse();
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2028, 10, 7))).isTrue();
        mvc.perform(post("/deadlines/calendar").param("year", "2028").param("source", "x").param("lines", "")
                .with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(calendar.bundled(2026)).get().asString().contains("2026-10-10 上班");
    }

    @Test
    void theDemonstrationClockOnlyMovesForwardAndEveryPageSaysSo() throws Exception {
        restore = clock.instant();
        Instant before = clock.instant();
        mvc.perform(post("/admin/clock").param("hours", "5").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("已前拨5小时")));
        assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofHours(5)));
        mvc.perform(post("/admin/clock").param("hours", "-3").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("1到744小时")));
        mvc.perform(post("/admin/clock").param("hours", "5").with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofHours(5)));
        mvc.perform(get("/deadlines").with(As.person(accounts, "yanpan")))
                .andExpect(content().string(containsString("演示时钟：系统时间已前拨")));
    }

    /** Issue 23: a trainer sets the clock to a date and minute ahead, or to a preset; never back. */
    @Test
    void theDemonstrationClockIsSetToADateAndMinuteAhead() throws Exception {
        restore = clock.instant();
        clock.set(Instant.parse("2027-07-16T01:00:00Z"));   // Friday 09:00 in 潢川
        mvc.perform(post("/admin/clock/to").param("at", "2027-07-17T06:10").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("2027-07-17 06:10")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-07-16T22:10:00Z"));
        mvc.perform(post("/admin/clock/to").param("at", "2027-07-17T06:00").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("只能向前拨")));
        mvc.perform(post("/admin/clock/to").param("at", "后天早上").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("请选择要拨到的日期和时间")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-07-16T22:10:00Z"));
        // Saturday morning: the next working day is Monday
        mvc.perform(get("/admin/clock").with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString("下一个工作日 08:30（2027-07-19）")))
                .andExpect(content().string(containsString("value=\"2027-07-19T08:30\"")));
    }

    @Test
    void theDemonstrationClockIsRefusedInProduction() {
        MockEnvironment both = new MockEnvironment();
        both.setActiveProfiles("demo", "prod");
        assertThatThrownBy(() -> new cn.yuqing.shared.TimeConfigurationProbe().clockFor(both))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("生产环境不允许");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(new cn.yuqing.shared.TimeConfigurationProbe().clockFor(production)).isNotInstanceOf(DemonstrationClock.class);
    }

    @Test
    void theClocksAreJsonForOtherToolsUnderTheSameScope() throws Exception {
        OpinionEvent e = judged("城区暴雨内涝，多条道路积水", "ORDINARY", false);
        mvc.perform(get("/api/events/{id}/clocks", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].clock").value("RESPONSE"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].remainingMinutes").value(48 * 60))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].history[0].kind").value("STARTED"));
        mvc.perform(get("/api/events/{id}/clocks", e.id()).with(As.person(accounts, "sanpi.huiying")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGradeGetsItsOwnPolicyStartingFromTheClocksThatAppliedBefore() throws Exception {
        try {
            mvc.perform(post("/deadlines/policies").param("name", "较大舆情").param("grade", "LARGE").param("emergency", "")
                    .with(As.person(accounts, "zhengfuban")).with(csrf()))
                    .andExpect(flash().attribute("notice", containsString("已新增规则")));
            ClockPolicy large = policies.resolve("LARGE", false).orElseThrow();
            assertThat(large.name()).isEqualTo("较大舆情");
            assertThat(large.rules()).extracting(ClockRule::clock).containsExactly(ClockKind.RESPONSE, ClockKind.FOLLOW_UP);
            mvc.perform(post("/deadlines/policies").param("name", "又一条").param("grade", "LARGE").param("emergency", "")
                    .with(As.person(accounts, "zhengfuban")).with(csrf()))
                    .andExpect(flash().attribute("error", containsString("已有自己的时限规则")));
            ClockRule response = large.rule(ClockKind.RESPONSE).orElseThrow();
            policies.change(response.id(), 24, Counting.HOURS, "50%", "0:DEPARTMENT_HEAD");
            mvc.perform(post("/deadlines/policies/rules/{id}/remove", large.rule(ClockKind.FOLLOW_UP).orElseThrow().id())
                    .with(As.person(accounts, "zhengfuban")).with(csrf()))
                    .andExpect(flash().attribute("notice", containsString("已删除")));
            mvc.perform(post("/deadlines/policies/rules/{id}/remove", response.id())
                    .with(As.person(accounts, "zhengfuban")).with(csrf()))
                    .andExpect(flash().attribute("error", containsString("至少保留一个时限")));

            OpinionEvent e = judged("县城区菜市场违规收费", "LARGE", false);
            Deadline clockOfE = deadlines.board(e.id(), directory.scopeOf(directory.person("yanpan").orElseThrow())).deadlines().get(0);
            assertThat(clockOfE.allowed()).isEqualTo("24小时");
            assertThat(clockOfE.policy()).isEqualTo("较大舆情");
        } finally {
            jdbc.update("delete from clock_rule where policy_id in (select id from clock_policy where grade_code = 'LARGE')");
            jdbc.update("delete from clock_policy where grade_code = 'LARGE'");
        }
    }
}

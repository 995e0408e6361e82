package cn.yuqing.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 舆情态势: the duty room's numbers move with the record, within the reader's scope. */
@WebTest
class DashboardTests {

    @Autowired
    Dashboards dashboards;
    @Autowired
    OpinionManagement opinions;
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

    @Test
    void theNumbersMoveWithTheRecordAndStayWithinScope() throws Exception {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        DataScope township = directory.scopeOf(directory.person("xuezi.huiying").orElseThrow());
        clock.set(Instant.parse("2027-12-06T01:00:00Z"));
        Dashboards.Board before = dashboards.of(scope, "411526");
        Dashboards.Board townshipBefore = dashboards.of(township, "411526");
        double sanpiBefore = count(before.townships(), "伞陂镇");

        OpinionEvent verified = fixtures.verifiedEvent("伞陂镇集市踩踏传言", "伞陂镇集市发生踩踏，多人受伤，现场混乱。");
        fixtures.addItem(verified.candidateId(), "伞陂镇集市踩踏是真的吗，家里老人在那边");
        OpinionEvent e = opinions.judge(verified.id(), verified.version(), scope, analyst, true, Set.of("d"), "MAJOR", true, "突发事件");

        Dashboards.Board after = dashboards.of(scope, "411526");
        assertThat(after.today().newItems()).isEqualTo(before.today().newItems() + 2);
        assertThat(after.today().openEvents()).isEqualTo(before.today().openEvents() + 1);
        assertThat(grade(after, "MAJOR")).isEqualTo(grade(before, "MAJOR") + 1);
        assertThat(after.today().dueSoon()).as("the 5 h statement").isEqualTo(before.today().dueSoon() + 1);
        assertThat(count(after.townships(), "伞陂镇")).isEqualTo(sanpiBefore + 1);
        assertThat(after.townships().names()).as("every township listed").hasSize(directory.childrenOf("411526").size());
        assertThat(after.trend().labels()).hasSize(30).last().isEqualTo("12-06");
        assertThat(after.due()).anyMatch(d -> d.eventId().equals(e.id()) && d.clock().equals("权威信息发布"));

        Dashboards.Board townshipAfter = dashboards.of(township, "411526");
        assertThat(townshipAfter.today().openEvents()).as("踅孜镇 is no party to it").isEqualTo(townshipBefore.today().openEvents());
        assertThat(townshipAfter.today().newItems()).isEqualTo(townshipBefore.today().newItems());

        clock.advance(Duration.ofHours(6));
        Dashboards.Board later = dashboards.of(scope, "411526");
        assertThat(later.today().overdue()).isEqualTo(after.today().overdue() + 1);

        mvc.perform(get("/dashboard/data").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.today.overdue").value(later.today().overdue()))
                .andExpect(jsonPath("$.trend.labels.length()").value(30));
        mvc.perform(get("/dashboard").param("screen", "true").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dashboard-screen")))
                .andExpect(content().string(containsString("退出大屏")));
    }

    static double count(Dashboards.Ranked ranked, String name) {
        int i = ranked.names().indexOf(name);
        return i < 0 ? -1 : ranked.values().get(i);
    }

    static int grade(Dashboards.Board board, String code) {
        return board.today().openByGrade().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow().count();
    }
}

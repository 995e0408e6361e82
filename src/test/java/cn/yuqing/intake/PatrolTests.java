package cn.yuqing.intake;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 4.1 收集记录: patrols recorded (including "nothing found"), the daily board, reminders by moved time. */
@WebTest
class PatrolTests {

    /** Wednesday 2027-07-14 in Beijing. */
    static final Instant WEDNESDAY_0800 = Instant.parse("2027-07-14T00:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    Patrols patrols;
    @Autowired
    Notifications notifications;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void wednesdayMorning() {
        clock.set(WEDNESDAY_0800);
    }

    @Test
    void aNothingFoundPatrolIsRecordedExplicitlyAndCountsOnTheBoard() throws Exception {
        Channel hall = fixtures.townshipChannel();
        clock.advance(Duration.ofHours(2));
        mvc.perform(post("/intake/patrols").param("channelId", hall.id().toString()).param("outcome", "nothing")
                        .with(As.person(accounts, "jiankong.xuezi")).with(csrf()))
                .andExpect(redirectedUrl("/intake/patrols"));
        var row = patrols.board(java.util.List.of(hall)).get(0);
        assertThat(row.done()).isEqualTo(1);
        assertThat(row.due()).isEqualTo(1);
        assertThat(row.today().get(0).nothingFound()).isTrue();
        mvc.perform(get("/intake/patrols").with(As.person(accounts, "jiankong.xuezi")))
                .andExpect(content().string(containsString(hall.name())))
                .andExpect(content().string(containsString("已巡查 1 / 1")))
                .andExpect(content().string(containsString("未发现问题")));
    }

    @Test
    void aPatrolThatFoundSomethingLeadsToTheCaptureFormAndCountsItsItems() throws Exception {
        Channel hall = fixtures.townshipChannel();
        String location = mvc.perform(post("/intake/patrols").param("channelId", hall.id().toString())
                        .param("outcome", "found").with(As.person(accounts, "jiankong.xuezi")).with(csrf()))
                .andExpect(redirectedUrlPattern("/intake/capture?channel=*&patrol=*"))
                .andReturn().getResponse().getRedirectedUrl();
        String patrol = location.substring(location.indexOf("patrol=") + 7);
        mvc.perform(post("/intake/capture").param("channelId", hall.id().toString()).param("patrolId", patrol)
                .param("formToken", java.util.UUID.randomUUID().toString()).param("text", "群众反映低保审核慢")
                .with(As.person(accounts, "jiankong.xuezi")).with(csrf()));
        assertThat(patrols.board(java.util.List.of(hall)).get(0).itemsFound()).isEqualTo(1);
    }

    @Test
    void aMonitorIsRemindedWhenAPatrolFallsDueAndTheLeaderTwoHoursLaterOnceEach() {
        Channel portal = fixtures.countyChannel(ChannelType.PORTAL, 2);
        Long monitor = accounts.loadUserByUsername("jiankong").personId();
        Long leader = accounts.loadUserByUsername("xianzhang").personId();
        // two patrols: due 13:00 and 17:30 Beijing time
        clock.set(Instant.parse("2027-07-14T04:59:00Z"));
        patrols.sendReminders();
        assertThat(remindersOf(monitor, "巡查提醒：" + portal.name())).isZero();

        clock.set(Instant.parse("2027-07-14T05:00:00Z"));
        patrols.sendReminders();
        patrols.sendReminders();
        assertThat(remindersOf(monitor, "巡查提醒：" + portal.name())).isEqualTo(1);
        assertThat(remindersOf(leader, "巡查未完成：" + portal.name())).isZero();

        clock.set(Instant.parse("2027-07-14T07:00:00Z"));
        patrols.sendReminders();
        patrols.sendReminders();
        assertThat(remindersOf(leader, "巡查未完成：" + portal.name())).isEqualTo(1);
    }

    private long remindersOf(Long person, String title) {
        return notifications.inbox(person).stream().filter(n -> n.title().equals(title)).count();
    }

    @Test
    void aPatrolDoneInTimeRaisesNoReminderAndWeekendsHaveNoPatrolsDue() {
        Channel portal = fixtures.countyChannel(ChannelType.PORTAL, 1);
        Long monitor = accounts.loadUserByUsername("jiankong").personId();
        clock.set(Instant.parse("2027-07-14T02:00:00Z"));
        patrols.record(portal.id(), DataScope.installation(), accounts.loadUserByUsername("jiankong"), true, null);
        clock.set(Instant.parse("2027-07-14T10:00:00Z"));
        patrols.sendReminders();
        assertThat(remindersOf(monitor, "巡查提醒：" + portal.name())).isZero();

        clock.set(Instant.parse("2027-07-17T10:00:00Z")); // Saturday
        assertThat(patrols.board(java.util.List.of(portal)).get(0).due()).isZero();
        assertThat(patrols.sendReminders()).isZero();
    }

    @Test
    void someoneWithoutTheMonitorRoleCannotRecordAPatrol() throws Exception {
        Channel hall = fixtures.townshipChannel();
        mvc.perform(post("/intake/patrols").param("channelId", hall.id().toString())
                .with(As.person(accounts, "xuezi.huiying")).with(csrf())).andExpect(status().isForbidden());
    }
}

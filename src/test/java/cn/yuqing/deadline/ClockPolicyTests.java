package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;
import cn.yuqing.shared.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clock arithmetic and rule parsing, without a database. */
class ClockPolicyTests {

    /** 2026's National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked (国办发明电〔2025〕7号). */
    static final List<CalendarDay> NATIONAL_DAY_2026 = WorkingDays.parse(2026, """
            2026-09-20 上班 国庆节调休
            2026-10-01 放假 国庆节
            2026-10-02 放假 国庆节
            2026-10-03 放假 国庆节
            2026-10-04 放假 国庆节
            2026-10-05 放假 国庆节
            2026-10-06 放假 国庆节
            2026-10-07 放假 国庆节
            2026-10-10 上班 国庆节调休
            """);

    static final WorkingCalendar CALENDAR = day -> NATIONAL_DAY_2026.stream().filter(d -> d.day().equals(day))
            .map(CalendarDay::working).findFirst().orElse(WorkingCalendar.WEEKDAYS.isWorkingDay(day));

    final WorkingTime time = new WorkingTime(CALENDAR, WorkingTime.parseOfficeHours("08:30-12:00,14:30-17:30"), Times.ZONE);

    static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), Times.ZONE).toInstant();
    }

    static ClockRule rule(String reminders, String escalation) {
        return new ClockRule(1L, ClockKind.STATEMENT, 5, Counting.HOURS, reminders, escalation);
    }

    @Test
    void calendarHoursRunThroughNightsWeekendsAndHolidays() {
        assertThat(time.add(at("2026-09-30T20:00"), 5, Counting.HOURS)).isEqualTo(at("2026-10-01T01:00"));
        assertThat(time.add(at("2026-09-30T20:00"), 48, Counting.HOURS)).isEqualTo(at("2026-10-02T20:00"));
    }

    @Test
    void workingDaysSkipTheHolidayAndCountTheMakeUpSaturday() {
        // from Wednesday 30 September: 1–7 October are off, Thursday 8 and Friday 9 count, Saturday 10 is a 调休 working day
        assertThat(time.add(at("2026-09-30T10:00"), 3, Counting.WORKING_DAYS)).isEqualTo(at("2026-10-11T00:00"));
        // from Friday 18 September: Monday 21, Tuesday 22 — but Sunday 20 is a make-up day and counts first
        assertThat(time.add(at("2026-09-18T16:00"), 2, Counting.WORKING_DAYS)).isEqualTo(at("2026-09-22T00:00"));
        // an ordinary weekend without exceptions
        assertThat(time.add(at("2026-10-16T09:00"), 1, Counting.WORKING_DAYS)).isEqualTo(at("2026-10-20T00:00"));
    }

    @Test
    void workingHoursCountOnlyOfficeHoursOfWorkingDays() {
        // Wednesday 30 September 16:30: one hour left that day, then 8 and 9 October (6.5 h each)
        assertThat(time.add(at("2026-09-30T16:30"), 1, Counting.WORKING_HOURS)).isEqualTo(at("2026-09-30T17:30"));
        assertThat(time.add(at("2026-09-30T16:30"), 2, Counting.WORKING_HOURS)).isEqualTo(at("2026-10-08T09:30"));
        assertThat(time.add(at("2026-09-30T16:30"), 7, Counting.WORKING_HOURS)).isEqualTo(at("2026-10-08T17:00"));
        assertThat(time.add(at("2026-09-30T16:30"), 8, Counting.WORKING_HOURS)).isEqualTo(at("2026-10-09T09:00"));
        // a start at lunch waits for the afternoon
        assertThat(time.add(at("2026-10-08T12:30"), 1, Counting.WORKING_HOURS)).isEqualTo(at("2026-10-08T15:30"));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefusedNotLoopedForever() {
        WorkingTime never = new WorkingTime(day -> false, WorkingTime.parseOfficeHours("09:00-17:00"), Times.ZONE);
        assertThatThrownBy(() -> never.add(at("2026-10-08T09:00"), 1, Counting.WORKING_DAYS))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("工作日历");
    }

    @Test
    void remindersFallAtPercentagesAndLeadTimesStrictlyInsideTheClock() {
        Instant start = at("2027-07-20T09:00");
        Instant due = start.plus(Duration.ofHours(5));
        assertThat(rule("50%,80%,30m", "").reminderTimes(start, due))
                .containsExactly(at("2027-07-20T11:30"), at("2027-07-20T13:00"), at("2027-07-20T13:30"));
        assertThat(rule("6h", "").reminderTimes(start, due)).isEmpty();
    }

    @Test
    void escalationStepsAreParsedInOrder() {
        assertThat(rule("", "0:DEPARTMENT_HEAD, 30m:government_office，2h:SUPERIOR").escalations())
                .containsExactly(new ClockRule.Escalation(Duration.ZERO, EscalationLevel.DEPARTMENT_HEAD),
                        new ClockRule.Escalation(Duration.ofMinutes(30), EscalationLevel.GOVERNMENT_OFFICE),
                        new ClockRule.Escalation(Duration.ofHours(2), EscalationLevel.SUPERIOR));
    }

    /** Issue 23: the office writes escalation in its own words; stored by the levels' names, shown back in words. */
    @Test
    void escalationIsWrittenInPlainWords() {
        ClockRule rule = rule("50%", "0:DEPARTMENT_HEAD");
        rule.change(5, Counting.HOURS, "50%", "0：责任单位负责人，90m:政府办公室,1d:上一级政府办公室");
        assertThat(rule.escalation()).isEqualTo("0:DEPARTMENT_HEAD,90m:GOVERNMENT_OFFICE,1d:SUPERIOR");
        assertThat(rule.escalationWritten()).isEqualTo("0:责任单位负责人,90m:政府办公室,1d:上一级政府办公室");
        assertThatThrownBy(() -> rule.change(5, Counting.HOURS, "50%", "1h:县长")).hasMessageContaining("可写：责任单位");
    }

    @Test
    void aBadRuleIsRefusedInChineseAndLeavesTheRuleAsItWas() {
        ClockRule rule = rule("50%", "0:DEPARTMENT_HEAD");
        Map<String, String> bad = Map.of("120%", "", "5x", "", "", "1h:MAYOR", " ", "2h:SUPERIOR,1h:DEPARTMENT_HEAD");
        bad.forEach((reminders, escalation) -> assertThatThrownBy(() -> rule.change(5, Counting.HOURS, reminders, escalation))
                .isInstanceOf(DomainRuleViolation.class).hasMessageMatching(".*[\\u4e00-\\u9fa5].*"));
        assertThatThrownBy(() -> rule.change(0, Counting.HOURS, "", "")).isInstanceOf(DomainRuleViolation.class);
        assertThat(rule.reminders()).isEqualTo("50%");
        assertThat(rule.escalation()).isEqualTo("0:DEPARTMENT_HEAD");
        assertThat(rule.allowed()).isEqualTo("5小时");
    }

    @Test
    void aYearsScheduleWithMistakesIsRefusedWholeWithEveryLineNamed() {
        assertThatThrownBy(() -> WorkingDays.parse(2026, """
                2026-10-01 放假 国庆节
                2026-10-08 上班 不是周末
                2027-01-01 放假 元旦
                2026-13-01 放假 错误日期
                2026-10-01 放假 重复
                2026-10-02 请假
                """)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("第2行").hasMessageContaining("第3行").hasMessageContaining("第4行")
                .hasMessageContaining("第5行：2026-10-01 与第1行重复").hasMessageContaining("第6行").hasMessageNotContaining("第1行：");
        assertThat(WorkingDays.parse(2026, "# 注释\n\n2026-10-10 上班\n")).singleElement()
                .satisfies(d -> assertThat(d.day()).isEqualTo(LocalDate.of(2026, 10, 10)));
    }
}

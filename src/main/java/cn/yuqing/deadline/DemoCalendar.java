package cn.yuqing.deadline;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data: the official holiday schedules the project carries, for this year and the next, so
 * that working-day clocks in the demo count real holidays. A year whose notice is not yet carried
 * stays unentered, and the calendar page says so.
 */
@Component
@Profile("demo")
class DemoCalendar {

    private final WorkingDays calendar;
    private final Clock clock;

    DemoCalendar(WorkingDays calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enter() {
        int year = LocalDate.now(clock).getYear();
        calendar.enterBundledIfAbsent(year, "演示数据");
        calendar.enterBundledIfAbsent(year + 1, "演示数据");
        calendar.enterBundledIfAbsent(2026, "演示数据");
    }
}

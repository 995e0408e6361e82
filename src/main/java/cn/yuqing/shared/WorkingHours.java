package cn.yuqing.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Adds working time to a moment: office hours of working days. The deadline module implements it
 * with the administrator's calendar and office hours; the work-order clocks (sign-for,
 * arbitration, the unit's own due time) count in it, as the 12345 practice does.
 */
public interface WorkingHours {

    Instant addWorkingHours(Instant start, int hours);

    Instant addWorkingMinutes(Instant start, long minutes);

    /** Ends at midnight of the last working day counted from the day after the start (“3个工作日内”). */
    Instant addWorkingDays(Instant start, int days);

    /** Calendar time on every day: where the deadline module is absent, as in module tests. */
    WorkingHours CALENDAR = new WorkingHours() {
        @Override
        public Instant addWorkingHours(Instant start, int hours) {
            return start.plus(Duration.ofHours(hours));
        }

        @Override
        public Instant addWorkingMinutes(Instant start, long minutes) {
            return start.plus(Duration.ofMinutes(minutes));
        }

        @Override
        public Instant addWorkingDays(Instant start, int days) {
            return start.plus(Duration.ofDays(days));
        }
    };
}

package cn.yuqing.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import cn.yuqing.shared.DemonstrationClock;

/**
 * A clock tests move by hand: deadlines and lock-outs are tested by moving time, never by sleeping.
 * It is a demonstration clock over a stopped base, so the demo clock page moves it too.
 */
public final class MutableClock extends DemonstrationClock {

    public MutableClock(Instant start, ZoneId zone) {
        super(Clock.fixed(start, zone));
    }

    /** Tests may go backwards; the demonstration page may not. */
    @Override
    public Duration advance(Duration by) {
        return shift(by);
    }

    public void set(Instant instant) {
        shift(Duration.between(instant(), instant));
    }
}

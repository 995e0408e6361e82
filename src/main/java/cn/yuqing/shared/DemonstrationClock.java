package cn.yuqing.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.env.Environment;

/**
 * The clock of the demonstration and training profiles: real time plus an offset that an
 * administrator moves forward, to show staff how clocks, reminders and escalations behave. It
 * never exists in production: the application refuses to start with both profiles.
 */
public class DemonstrationClock extends Clock {

    static final String[] DEMO_PROFILES = {"demo", "training"};
    static final String[] PRODUCTION_PROFILES = {"prod", "production"};

    /** One move may jump at most a month; several moves may go further. */
    private static final Duration LARGEST_MOVE = Duration.ofDays(31);

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public DemonstrationClock(Clock base) {
        this.base = base;
    }

    /** Whether this environment runs on a demonstration clock; refuses a demo profile in production. */
    static boolean wantedIn(Environment environment) {
        boolean demo = Arrays.stream(DEMO_PROFILES).anyMatch(p -> environment.matchesProfiles(p));
        boolean production = Arrays.stream(PRODUCTION_PROFILES).anyMatch(p -> environment.matchesProfiles(p));
        if (demo && production) {
            throw new IllegalStateException("演示/培训配置（demo、training）不能与生产配置（prod、production）同时启用："
                    + "演示时钟可以拨动系统时间，生产环境不允许。请去掉其中之一后重新启动。");
        }
        return demo;
    }

    /** Moves time forward; time in a demonstration never runs backwards, so nothing fires twice. */
    public Duration advance(Duration by) {
        if (by == null || by.isNegative() || by.isZero()) {
            throw new DomainRuleViolation("演示时钟只能向前拨");
        }
        if (by.compareTo(LARGEST_MOVE) > 0) {
            throw new DomainRuleViolation("演示时钟一次最多前拨31天");
        }
        return shift(by);
    }

    protected Duration shift(Duration by) {
        return offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemonstrationClock moved = new DemonstrationClock(base.withZone(zone));
        moved.offset.set(offset.get());
        return moved;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

package cn.yuqing.shared;

import java.time.Clock;
import java.time.Instant;

/**
 * The machine's time where the demonstration clock must not reach: how long a session has been idle
 * or signed in. Moving the demonstration forward a day must not sign everyone out.
 */
public record WallClock(Clock clock) {

    public Instant now() {
        return clock.instant();
    }
}

package cn.yuqing.shared;

import java.time.Duration;
import java.util.Map;

/** An administrator moved the demonstration clock forward; timers that fell due fire at once. */
public record ClockMoved(Duration by, Duration offset) implements AuditedChange {

    @Override
    public String action() {
        return "system:clock:move";
    }

    @Override
    public String subject() {
        return "clock";
    }

    @Override
    public Map<String, ?> after() {
        return Map.of("by", by.toString(), "offset", offset.toString());
    }
}

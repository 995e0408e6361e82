package cn.yuqing.deadline;

import java.time.Instant;
import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/**
 * A clock started, was missed, escalated, met, superseded or stopped: the fact, audited. Timers
 * act for nobody, so their changes are recorded as the system's.
 */
public record DeadlineChanged(Long eventId, Long deadlineId, ClockKind clock, DeadlineEntry.Kind what, Instant at,
        Instant dueAt, String detail) implements AuditedChange {

    @Override
    public String action() {
        return "deadline:clock:" + what.name().toLowerCase();
    }

    @Override
    public String subject() {
        return "event/" + eventId;
    }

    @Override
    public Map<String, ?> after() {
        return Map.of("deadline", deadlineId, "clock", clock.name(), "due", dueAt.toString(), "detail",
                detail == null ? "" : detail);
    }

    @Override
    public String actorHint() {
        return "系统计时";
    }

    public boolean missed() {
        return what == DeadlineEntry.Kind.MISSED;
    }
}

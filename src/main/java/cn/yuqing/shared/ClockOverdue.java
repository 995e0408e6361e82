package cn.yuqing.shared;

import java.time.Instant;

/**
 * One of the standard's clocks of 4.4 was missed ({@code supervise} false) or its escalation went
 * past the responsible unit's head ({@code supervise} true). The deadline module publishes it; the
 * work orders draft a 催办通知书 or 督办单 after the deadline's transaction has committed, so that
 * drafting never holds up or fails the clocks' own batch.
 */
public record ClockOverdue(Long eventId, String clock, Instant dueAt, boolean supervise) {
}

package cn.yuqing.deadline;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A durable timer; claimed and deleted by {@link DeadlineTimers} in the transaction that does its work. */
@Entity
class DeadlineTimer {

    enum Kind { REMIND, DUE, ESCALATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long deadlineId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private EscalationLevel level;

    private Instant fireAt;

    private int attempts;

    private String lastError;

    protected DeadlineTimer() {
    }

    DeadlineTimer(Long deadlineId, Kind kind, EscalationLevel level, Instant fireAt) {
        this.deadlineId = deadlineId;
        this.kind = kind;
        this.level = level;
        this.fireAt = fireAt;
    }

    Long id() { return id; }
    Instant fireAt() { return fireAt; }
    int attempts() { return attempts; }
    String lastError() { return lastError; }
}

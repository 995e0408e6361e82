package cn.yuqing.opinion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/** A party's task from the response plan: accepted, or returned with a reason, and re-sent. */
@Entity
public class WorkOrder {

    public enum Status {
        SENT("待接收"), ACCEPTED("已接收"), RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Long unitId;

    private String duty;

    @Enumerated(EnumType.STRING)
    private Status status = Status.SENT;

    private String reason;

    private Instant sentAt;

    private Instant answeredAt;

    private int returns;

    private int resends;

    @Version
    private long version;

    protected WorkOrder() {
    }

    WorkOrder(Long eventId, Long unitId, String duty, Instant sentAt) {
        this.eventId = eventId;
        this.unitId = unitId;
        this.duty = duty;
        this.sentAt = sentAt;
    }

    void accept(Instant at) {
        if (status != Status.SENT) {
            throw new DomainRuleViolation("只能接收待接收的任务单");
        }
        status = Status.ACCEPTED;
        answeredAt = at;
    }

    /** Clause 3: a unit that is not competent returns the task with its reason, for the coordinators to review. */
    void giveBack(String why, Instant at) {
        if (status != Status.SENT) {
            throw new DomainRuleViolation("只能退回待接收的任务单");
        }
        if (why == null || why.isBlank()) {
            throw new DomainRuleViolation("3", "退回须写明理由");
        }
        status = Status.RETURNED;
        returns++;
        reason = why.strip();
        answeredAt = at;
    }

    void resend(String duty, Instant at) {
        if (status != Status.RETURNED) {
            throw new DomainRuleViolation("只能重新派发已退回的任务单");
        }
        status = Status.SENT;
        resends++;
        this.duty = duty == null || duty.isBlank() ? this.duty : duty.strip();
        sentAt = at;
        answeredAt = null;
    }

    public Long id() { return id; }
    /** How often the unit gave this order back (clause 3), and how often it was sent again: for the scorecards of 4.6. */
    public int returns() { return returns; }
    public int resends() { return resends; }
    public Long eventId() { return eventId; }
    public Long unitId() { return unitId; }
    public String duty() { return duty; }
    public Status status() { return status; }
    public String reason() { return reason; }
    public Instant sentAt() { return sentAt; }
    public String sentAtText() { return Times.format(sentAt); }
    public long version() { return version; }
}

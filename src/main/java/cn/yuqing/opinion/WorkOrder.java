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
        SENT("待接收"), ACCEPTED("已接收"), RETURNED("已退回"), WITHDRAWN("已撤回");

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

    /** The party the order is for, where another unit holds it because the party has nobody to receive it (clause 3). */
    private Long partyUnitId;

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

    WorkOrder(Long eventId, Long unitId, Long partyUnitId, String duty, Instant sentAt) {
        this.eventId = eventId;
        this.unitId = unitId;
        this.partyUnitId = partyUnitId == null || partyUnitId.equals(unitId) ? null : partyUnitId;
        this.duty = duty;
        this.sentAt = sentAt;
    }

    /** Clause 3: a person re-routed the event and this unit is no longer a party; the reason stays on the order. */
    void withdraw(String why, Instant at) {
        if (!holdsDuty()) {
            throw new DomainRuleViolation("只能撤回待接收或已接收的任务单");
        }
        status = Status.WITHDRAWN;
        reason = why;
        answeredAt = at;
    }

    /** Sent or accepted: the unit still owes the task; returned and withdrawn orders do not. */
    public boolean holdsDuty() {
        return status == Status.SENT || status == Status.ACCEPTED;
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
    /** The party this order is for: the holding unit itself unless it holds it for a party without people. */
    public Long partyUnitId() { return partyUnitId == null ? unitId : partyUnitId; }
    public boolean heldForAnother() { return partyUnitId != null; }
    public String duty() { return duty; }
    public Status status() { return status; }
    public String reason() { return reason; }
    public Instant sentAt() { return sentAt; }
    public String sentAtText() { return Times.format(sentAt); }
    public long version() { return version; }
}

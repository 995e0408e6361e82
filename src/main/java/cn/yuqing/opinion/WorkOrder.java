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

/**
 * A party's task from the response plan, with the clocks of the 12345 practice around the
 * standard's own: signed for (签收) within its time, done by its due time (which an approved
 * extension moves; the standard's 5 h / 24 h / 48 h never move), or sent back (退单) with a reason
 * code for the government office to arbitrate within a clock of its own; reopened (重办) when the
 * citizen is not satisfied. The counts feed the scorecards of 4.6.
 */
@Entity
public class WorkOrder {

    public enum Status {
        SENT("待签收"), ACCEPTED("办理中"), RETURNED("已退单，待仲裁"), DONE("已办结"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a unit sends an order back: the reason codes of the hotline practice. */
    public enum SendBackReason {
        NOT_COMPETENT("不属于本单位职责"), NOT_TERRITORY("不属于本单位辖区"), DUPLICATE("重复件"), INSUFFICIENT("信息不全，无法办理"),
        OTHER("其他");

        private final String label;

        SendBackReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Arbitration {
        UPHELD("退单成立，已改派"), REJECTED("退单不成立，退回原单位办理");

        private final String label;

        Arbitration(String label) {
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

    private Instant signForDue;

    private Instant remindAt;

    private Instant remindedAt;

    private Instant signForEscalatedAt;

    private Instant signedAt;

    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private SendBackReason sendBackReason;

    private Instant arbitrationDue;

    private Instant arbitrationEscalatedAt;

    @Enumerated(EnumType.STRING)
    private Arbitration arbitration;

    private String arbitrationNote;

    private int wrongfulSendBacks;

    private Instant extensionUntil;

    private String extensionReason;

    private int extensionsApproved;

    private int extensionsRefused;

    private Instant completedAt;

    private int redos;

    /** 0: not overdue; 1: a 催办通知书 drafted; 2: a 督办单 drafted. */
    private int chaseLevel;

    private Instant superviseAt;

    @Version
    private long version;

    protected WorkOrder() {
    }

    WorkOrder(Long eventId, Long unitId, Long partyUnitId, String duty, Instant sentAt, WorkOrderPolicy.Clocks clocks) {
        this.eventId = eventId;
        this.unitId = unitId;
        this.partyUnitId = partyUnitId == null || partyUnitId.equals(unitId) ? null : partyUnitId;
        this.duty = duty;
        this.sentAt = sentAt;
        startSignFor(clocks.remindAt(), clocks.signForDue());
        this.dueAt = clocks.dueAt();
    }

    private void startSignFor(Instant remind, Instant due) {
        signForDue = due;
        remindAt = remind;
        remindedAt = null;
        signForEscalatedAt = null;
    }

    /** Clause 3: a person re-routed the event and this unit is no longer a party; the reason stays on the order. */
    void withdraw(String why, Instant at) {
        status = WorkOrderFlow.require(status, WorkOrderFlow.Action.WITHDRAW, "只能撤回待签收或办理中的任务单").to();
        reason = why == null || why.length() <= 1000 ? why : why.substring(0, 999) + "…";
        extensionUntil = null;
        answeredAt = at;
    }

    /** The party's role on the event changed (clause 3): the order asks what the new role asks; its state and clocks stay. */
    void retask(String newDuty) {
        this.duty = newDuty;
    }

    /** Sent or being worked on: the unit still owes the task; returned, done and withdrawn orders do not. */
    public boolean holdsDuty() {
        return status == Status.SENT || status == Status.ACCEPTED;
    }

    /** 签收: the unit acknowledges the order; its own short clock stops. */
    void signFor(Instant at) {
        status = WorkOrderFlow.require(status, WorkOrderFlow.Action.SIGN_FOR, "只能签收待签收的任务单").to();
        answeredAt = at;
        signedAt = at;
    }

    /** 退单: a unit that holds the order and believes it is not its own sends it back, for the government office to arbitrate. */
    void sendBack(SendBackReason code, String evidence, Instant at, Instant arbitrateBy) {
        WorkOrderFlow.Step step = WorkOrderFlow.require(status, WorkOrderFlow.Action.SEND_BACK, "只能对待签收或办理中的任务单退单");
        if (code == null) {
            throw new DomainRuleViolation("3", "请选择退单理由");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new DomainRuleViolation("3", "退单须写明理由和依据");
        }
        status = step.to();
        returns++;
        sendBackReason = code;
        reason = evidence.strip();
        answeredAt = at;
        arbitrationDue = arbitrateBy;
        arbitrationEscalatedAt = null;
        arbitration = null;
        arbitrationNote = null;
        extensionUntil = null;
    }

    /** The office upholds the 退单: the unit is relieved; the event is re-routed (clause 3). */
    void uphold(String note, Instant at) {
        WorkOrderFlow.Step step = WorkOrderFlow.require(status, WorkOrderFlow.Action.UPHOLD, "该任务单不在待仲裁状态");
        arbitration = Arbitration.UPHELD;
        arbitrationNote = note == null || note.isBlank() ? null : note.strip();
        status = step.to();
        answeredAt = at;
    }

    /** The office finds the 退单 wrongful: the order goes back to the unit with an instruction, and counts against it (4.6). */
    void reject(String instruction, Instant at, Instant remind, Instant signForBy) {
        WorkOrderFlow.Step step = WorkOrderFlow.require(status, WorkOrderFlow.Action.REJECT, "该任务单不在待仲裁状态");
        if (instruction == null || instruction.isBlank()) {
            throw new DomainRuleViolation("3", "退回原单位办理须写明办理要求");
        }
        arbitration = Arbitration.REJECTED;
        arbitrationNote = instruction.strip();
        wrongfulSendBacks++;
        resends++;
        status = step.to();
        sentAt = at;
        answeredAt = null;
        startSignFor(remind, signForBy);
    }

    /** 延期申请: only the order's own due time, asked before it expires, for a later time, with a reason; one at a time. */
    void requestExtension(Instant until, String why, Instant at) {
        WorkOrderFlow.require(status, WorkOrderFlow.Action.EXTEND, "只能对待签收或办理中的任务单申请延期");
        if (extensionUntil != null) {
            throw new DomainRuleViolation("已有一项延期申请待审批");
        }
        if (!at.isBefore(dueAt)) {
            throw new DomainRuleViolation("办理时限已过，不能再申请延期，请尽快办结");
        }
        if (until == null || !until.isAfter(dueAt)) {
            throw new DomainRuleViolation("申请延至的时间应晚于现在的办理时限" + Times.format(dueAt));
        }
        if (why == null || why.isBlank()) {
            throw new DomainRuleViolation("申请延期须写明理由");
        }
        extensionUntil = until;
        extensionReason = why.strip();
    }

    /** The office approves (the due time moves, the chasing starts again) or refuses the pending extension. */
    Instant decideExtension(boolean approve) {
        if (extensionUntil == null || !holdsDuty()) {
            throw new DomainRuleViolation("该任务单没有待审批的延期申请");
        }
        Instant until = extensionUntil;
        if (approve) {
            dueAt = until;
            extensionsApproved++;
            chaseLevel = 0;
            superviseAt = null;
        } else {
            extensionsRefused++;
        }
        extensionUntil = null;
        return until;
    }

    /** 办结: the unit has answered (to the citizen, or by the response it owed). */
    void complete(Instant at) {
        status = WorkOrderFlow.require(status, WorkOrderFlow.Action.COMPLETE,
                status == Status.SENT ? "请先签收任务单" : "只能办结办理中的任务单").to();
        completedAt = at;
        extensionUntil = null;
    }

    /** 重办: the citizen was not satisfied; the work is reopened with a new due time. */
    void redo(String why, Instant at, Instant due) {
        status = WorkOrderFlow.require(status, WorkOrderFlow.Action.REDO, "只能重办已办结的任务单").to();
        redos++;
        reason = why;
        completedAt = null;
        dueAt = due;
        chaseLevel = 0;
        superviseAt = null;
        answeredAt = at;
    }

    boolean remind(Instant now) {
        if (status != Status.SENT || remindedAt != null || now.isBefore(remindAt)) {
            return false;
        }
        remindedAt = now;
        return true;
    }

    boolean escalateSignFor(Instant now) {
        if (status != Status.SENT || signForEscalatedAt != null || now.isBefore(signForDue)) {
            return false;
        }
        signForEscalatedAt = now;
        return true;
    }

    boolean escalateArbitration(Instant now) {
        if (status != Status.RETURNED || arbitrationEscalatedAt != null || now.isBefore(arbitrationDue)) {
            return false;
        }
        arbitrationEscalatedAt = now;
        return true;
    }

    /** The next chasing step due now, if any: 1 the 催办通知书 at the due time, 2 the 督办单 at the next step. */
    int chase(Instant now, java.util.function.Function<Instant, Instant> nextStep) {
        if (!holdsDuty() || dueAt == null) {
            return 0;
        }
        if (chaseLevel == 0 && !now.isBefore(dueAt)) {
            chaseLevel = 1;
            superviseAt = nextStep.apply(now);
            return 1;
        }
        if (chaseLevel == 1 && superviseAt != null && !now.isBefore(superviseAt)) {
            chaseLevel = 2;
            return 2;
        }
        return 0;
    }

    public Long id() { return id; }
    /** How often the unit sent this order back (clause 3), and how often it was sent again: for the scorecards of 4.6. */
    public int returns() { return returns; }
    public int resends() { return resends; }
    public int wrongfulSendBacks() { return wrongfulSendBacks; }
    public int extensionsApproved() { return extensionsApproved; }
    public int extensionsRefused() { return extensionsRefused; }
    public int redos() { return redos; }
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
    public Instant signForDue() { return signForDue; }
    public String signForDueText() { return Times.format(signForDue); }
    public Instant signedAt() { return signedAt; }
    public String signedAtText() { return Times.format(signedAt); }
    public Instant dueAt() { return dueAt; }
    public String dueAtText() { return Times.format(dueAt); }
    public SendBackReason sendBackReason() { return sendBackReason; }
    public Instant arbitrationDue() { return arbitrationDue; }
    public String arbitrationDueText() { return Times.format(arbitrationDue); }
    public Arbitration arbitration() { return arbitration; }
    public String arbitrationNote() { return arbitrationNote; }
    public Instant extensionUntil() { return extensionUntil; }
    public String extensionUntilText() { return Times.format(extensionUntil); }
    public String extensionReason() { return extensionReason; }
    public Instant completedAt() { return completedAt; }
    public int chaseLevel() { return chaseLevel; }
    public boolean overdue(Instant now) { return holdsDuty() && dueAt != null && !now.isBefore(dueAt); }
    public long version() { return version; }
}

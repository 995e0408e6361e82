package cn.yuqing.deadline;

import java.time.Duration;
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
 * One clock of one event. The due time is fixed when the clock starts and never moved: a stricter
 * re-grade supersedes it with a new deadline. Each change returns the history entry it makes.
 */
@Entity
public class Deadline {

    public enum Status {
        RUNNING("计时中"), MISSED("已超时"), MET("已完成"), SUPERSEDED("已由新时限取代"), STOPPED("已停止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean open() {
            return this == RUNNING || this == MISSED;
        }
    }

    /** Why the clock started when it did. */
    public enum Basis {
        FIRST_KNOWN("自首次获知起算"), REGRADE("自调整等级起算"), RELEASE("自上次发布起算"), REOPEN("自重新打开起算");

        private final String label;

        Basis(String label) {
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

    @Enumerated(EnumType.STRING)
    private ClockKind clock;

    private int sequence;

    private String policy;

    private String allowed;

    @Enumerated(EnumType.STRING)
    private Basis basis;

    private Instant startedAt;

    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private Status status = Status.RUNNING;

    private Instant metAt;

    private String metBy;

    /** Especially major or major: its escalations ignore quiet hours. */
    private boolean grave;

    @Version
    private long version;

    protected Deadline() {
    }

    Deadline(Long eventId, ClockKind clock, int sequence, String policy, String allowed, Basis basis, Instant startedAt,
            Instant dueAt, boolean grave) {
        this.eventId = eventId;
        this.clock = clock;
        this.sequence = sequence;
        this.policy = policy;
        this.allowed = allowed;
        this.basis = basis;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.grave = grave;
    }

    DeadlineEntry started(Instant at) {
        return entry(DeadlineEntry.Kind.STARTED, at, basis.label() + "，" + allowed + "，应于" + Times.format(dueAt) + "前完成", null);
    }

    DeadlineEntry reminded(Instant at) {
        return entry(DeadlineEntry.Kind.REMINDED, at, "剩余" + Times.describe(Duration.between(at, dueAt)), null);
    }

    /** A reminder point passed while a later one, or the due time, fell due with it: one notice says it all. */
    DeadlineEntry reminderSkipped(Instant at, Instant point) {
        return entry(DeadlineEntry.Kind.SKIPPED, at, "提醒点" + Times.format(point) + "与其后的提醒同时到期，未单独发送", null);
    }

    DeadlineEntry miss(Instant at) {
        requireStatus(Status.RUNNING);
        status = Status.MISSED;
        return entry(DeadlineEntry.Kind.MISSED, at, "已超过时限（应于" + Times.format(dueAt) + "前完成）", 0L);
    }

    DeadlineEntry escalated(EscalationLevel level, Instant at) {
        return entry(DeadlineEntry.Kind.ESCALATED, at, "逐级督办：告知" + level.label(), lateBy(at));
    }

    /** 4.4: the release that answers the clock stops it; late if after the due time, by how much. */
    DeadlineEntry meet(String by, Instant at) {
        if (!status.open()) {
            throw new DomainRuleViolation("4.4", "该时限已" + status.label() + "，不能再次完成");
        }
        status = Status.MET;
        metAt = at;
        metBy = by == null ? null : by.length() > 500 ? by.substring(0, 500) : by;
        Long late = at.isAfter(dueAt) ? lateBy(at) : null;
        return entry(DeadlineEntry.Kind.MET, at, (late == null ? "按时完成：" : "超时" + Times.describe(Duration.between(dueAt, at))
                + "后完成：") + (metBy == null ? "" : metBy), late);
    }

    DeadlineEntry supersede(String why, Instant at) {
        status = Status.SUPERSEDED;
        return entry(DeadlineEntry.Kind.SUPERSEDED, at, why, null);
    }

    DeadlineEntry kept(String why, Instant at) {
        return entry(DeadlineEntry.Kind.KEPT, at, why, null);
    }

    DeadlineEntry stop(String why, Instant at) {
        Long late = status == Status.MISSED ? lateBy(at) : null;
        status = Status.STOPPED;
        return entry(DeadlineEntry.Kind.STOPPED, at, why, late);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("deadline " + id + " is " + status + ", not " + expected);
        }
    }

    private Long lateBy(Instant at) {
        return Math.max(0, Duration.between(dueAt, at).toMinutes());
    }

    private DeadlineEntry entry(DeadlineEntry.Kind kind, Instant at, String detail, Long lateMinutes) {
        return new DeadlineEntry(id, kind, at, detail, lateMinutes);
    }

    /** Remaining time (positive) or how long overdue (negative) at a moment. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, dueAt);
    }

    /** The traffic light of a running clock: red once missed, amber in the last fifth, green before. */
    public String colourAt(Instant now) {
        if (status == Status.MET || status == Status.SUPERSEDED || status == Status.STOPPED) {
            return "secondary";
        }
        Duration left = remainingAt(now);
        if (left.isNegative() || left.isZero()) {
            return "danger";
        }
        return left.compareTo(Duration.between(startedAt, dueAt).dividedBy(5)) <= 0 ? "warning" : "success";
    }

    /** “剩余 3小时12分” while running, “已超时 25分钟” once missed, as DESIGN.md asks. */
    public String countdownAt(Instant now) {
        return switch (status) {
            case RUNNING, MISSED -> {
                Duration left = remainingAt(now);
                yield left.isNegative() || left.isZero() ? "已超时 " + Times.describe(left) : "剩余 " + Times.describe(left);
            }
            case MET -> metAt.isAfter(dueAt) ? "超时" + Times.describe(Duration.between(dueAt, metAt)) + "后完成" : "按时完成";
            default -> status.label();
        };
    }

    public String title() {
        return clock.label() + (clock == ClockKind.FOLLOW_UP ? "（第" + sequence + "次）" : "");
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public ClockKind clock() { return clock; }
    public int sequence() { return sequence; }
    public String policy() { return policy; }
    public String allowed() { return allowed; }
    public Basis basis() { return basis; }
    public Instant startedAt() { return startedAt; }
    public Instant dueAt() { return dueAt; }
    public String dueAtText() { return Times.format(dueAt); }
    public Status status() { return status; }
    public boolean open() { return status.open(); }
    public Instant metAt() { return metAt; }
    public String metBy() { return metBy; }
    public boolean grave() { return grave; }
}

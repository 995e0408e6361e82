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
 * A 催办通知书 or 督办单 for an overdue work order: drafted from the record when the order passes
 * its due time (and, at the next step, the 督办单), edited and issued by the government office,
 * kept in the record and counted against the unit (4.6).
 */
@Entity
public class ChaseNotice {

    public enum Kind {
        CHASE("催办通知书"), SUPERVISE("督办单");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orderId;

    private Long eventId;

    private Long unitId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String text;

    private Instant draftedAt;

    private Instant issuedAt;

    /** Which overdue time this notice chases (the order's due time, or a 4.4 clock's): one notice of a kind each. */
    private String clockKey;

    private String issuedBy;

    @Version
    private long version;

    protected ChaseNotice() {
    }

    ChaseNotice(WorkOrder order, Kind kind, String clockKey, String text, Instant at) {
        this.clockKey = clockKey;
        this.orderId = order.id();
        this.eventId = order.eventId();
        this.unitId = order.unitId();
        this.kind = kind;
        this.text = text;
        this.draftedAt = at;
    }

    void issue(String finalText, String by, Instant at) {
        if (issuedAt != null) {
            throw new DomainRuleViolation("4.6", "该" + kind.label() + "已印发");
        }
        if (finalText != null && !finalText.isBlank()) {
            if (finalText.length() > 4000) {
                throw new DomainRuleViolation("4.6", "正文不超过4000字");
            }
            text = finalText.strip();
        }
        issuedAt = at;
        issuedBy = by;
    }

    public Long id() { return id; }
    public Long orderId() { return orderId; }
    public String clockKey() { return clockKey; }
    public Long eventId() { return eventId; }
    public Long unitId() { return unitId; }
    public Kind kind() { return kind; }
    public String text() { return text; }
    public Instant draftedAt() { return draftedAt; }
    public String draftedAtText() { return Times.format(draftedAt); }
    public Instant issuedAt() { return issuedAt; }
    public String issuedAtText() { return Times.format(issuedAt); }
    public boolean issued() { return issuedAt != null; }
    public String issuedBy() { return issuedBy; }
    public long version() { return version; }
    /** 〔年份〕号, numbered by the record's id: unique and never reused. */
    public String number() {
        return (kind == Kind.CHASE ? "催办" : "督办") + "〔" + draftedAt.atZone(Times.ZONE).getYear() + "〕" + id + "号";
    }
}

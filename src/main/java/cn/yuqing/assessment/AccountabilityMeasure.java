package cn.yuqing.assessment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * 4.6: an interview (约谈) of a unit or person that responded poorly, or a referral to the
 * supervisory organs (会同监察机关追究责任) — with reason, people, date, outcome and follow-up.
 */
@Entity
public class AccountabilityMeasure {

    public enum Kind {
        INTERVIEW("约谈"), SUPERVISORY_REFERRAL("移送监察机关");

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

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Long unitId;

    private String period;

    private String reason;

    private String people;

    private LocalDate heldOn;

    private String outcome;

    private String followUp;

    private String recordedBy;

    private Instant recordedAt;

    protected AccountabilityMeasure() {
    }

    AccountabilityMeasure(Kind kind, Long unitId, Period period, String reason, String people, LocalDate heldOn, String outcome,
            String by, Instant at) {
        if (kind == null) {
            throw new DomainRuleViolation("4.6", "请选择约谈或移送监察机关");
        }
        this.kind = kind;
        this.unitId = unitId;
        this.period = period == null ? null : period.code();
        this.reason = text(reason, "事由", 2000, true);
        this.people = text(people, "约谈对象或涉及人员", 500, true);
        if (heldOn == null) {
            throw new DomainRuleViolation("4.6", "请填写日期");
        }
        this.heldOn = heldOn;
        this.outcome = text(outcome, "结果", 2000, false);
        this.recordedBy = by;
        this.recordedAt = at;
    }

    void followUp(String outcome, String followUp) {
        this.outcome = text(outcome, "结果", 2000, false);
        this.followUp = text(followUp, "整改跟踪", 2000, false);
    }

    private static String text(String value, String what, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainRuleViolation("4.6", "请填写" + what);
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw new DomainRuleViolation("4.6", what + "请控制在" + max + "字以内");
        }
        return value.strip();
    }

    public Long id() { return id; }
    public Kind kind() { return kind; }
    public Long unitId() { return unitId; }
    public String period() { return period; }
    public String reason() { return reason; }
    public String people() { return people; }
    public LocalDate heldOn() { return heldOn; }
    public String outcome() { return outcome; }
    public String followUp() { return followUp; }
    public String recordedBy() { return recordedBy; }
    public String recordedAtText() { return Times.format(recordedAt); }
}

package cn.yuqing.assessment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * 4.6 通报: a periodic notice on units' response work. Drafted from the scorecards, edited while a
 * draft, then issued: from then on its words and the figures it was issued with never change.
 */
@Entity
@Table(name = "assessment_notice")
public class Notice {

    public enum Status {
        DRAFT("草稿"), ISSUED("已印发");

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

    private String regionCode;

    private String period;

    private String title;

    private String praise;

    private String criticism;

    private String closing;

    @Enumerated(EnumType.STRING)
    private Status status = Status.DRAFT;

    private String draftedBy;

    private Instant draftedAt;

    private String issuedBy;

    private Instant issuedAt;

    /** The scorecards as issued, as JSON; null while a draft (a draft shows today's figures). */
    private String figures;

    @Version
    private long version;

    protected Notice() {
    }

    Notice(String regionCode, Period period, String title, String praise, String criticism, String closing, String by, Instant at) {
        this.regionCode = regionCode;
        this.period = period.code();
        this.draftedBy = by;
        this.draftedAt = at;
        revise(title, praise, criticism, closing);
    }

    void revise(String title, String praise, String criticism, String closing) {
        if (status != Status.DRAFT) {
            throw new DomainRuleViolation("4.6", "通报已印发，不能再修改");
        }
        this.title = required(title, "标题", 200);
        this.praise = required(praise, "表扬部分", 4000);
        this.criticism = required(criticism, "批评部分", 4000);
        this.closing = required(closing, "工作要求", 2000);
    }

    void issue(String figuresJson, String by, Instant at) {
        if (status != Status.DRAFT) {
            throw new DomainRuleViolation("4.6", "通报已印发");
        }
        this.status = Status.ISSUED;
        this.figures = figuresJson;
        this.issuedBy = by;
        this.issuedAt = at;
    }

    private static String required(String text, String what, int max) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new DomainRuleViolation("4.6", "请填写" + what + "（" + max + "字以内）");
        }
        return text.strip();
    }

    public Long id() { return id; }
    public String regionCode() { return regionCode; }
    public Period period() { return Period.parse(period); }
    public String title() { return title; }
    public String praise() { return praise; }
    public String criticism() { return criticism; }
    public String closing() { return closing; }
    public Status status() { return status; }
    public String draftedBy() { return draftedBy; }
    public String draftedAtText() { return Times.format(draftedAt); }
    public String issuedBy() { return issuedBy; }
    public Instant issuedAt() { return issuedAt; }
    public String issuedAtText() { return Times.format(issuedAt); }
    String figures() { return figures; }
    public long version() { return version; }
}

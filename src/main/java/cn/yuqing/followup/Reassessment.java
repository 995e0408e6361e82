package cn.yuqing.followup;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.analysis.CandidateFigures;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * One re-assessment of 4.5: the level decided, the figures and spread it was decided on, and the
 * consequences expected. Kept as made, so the review can show how the judgement moved.
 */
@Entity
public class Reassessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Instant assessedAt;

    private String assessedBy;

    private String gradeCode;

    private boolean emergency;

    private boolean regraded;

    private int items;

    private int negative;

    private int channels;

    private long engagement;

    private double recentPerHour;

    private double beforePerHour;

    @Enumerated(EnumType.STRING)
    private Spread.Trend trend;

    private String consequences;

    private String note;

    protected Reassessment() {
    }

    Reassessment(Long eventId, String gradeCode, boolean emergency, boolean regraded, CandidateFigures figures, Spread spread,
            String consequences, String note, String by, Instant at) {
        if (consequences == null || consequences.isBlank() || consequences.strip().length() > 2000) {
            throw new DomainRuleViolation("4.5", "请写明预期后果（2000字以内），例如可能引发的聚集、上访或次生舆情");
        }
        if (note != null && note.strip().length() > 2000) {
            throw new DomainRuleViolation("4.5", "研判意见请控制在2000字以内");
        }
        this.eventId = eventId;
        this.gradeCode = gradeCode;
        this.emergency = emergency;
        this.regraded = regraded;
        this.items = figures.items();
        this.negative = figures.negative();
        this.channels = figures.channels();
        this.engagement = figures.engagement();
        this.recentPerHour = spread.recentPerHour();
        this.beforePerHour = spread.beforePerHour();
        this.trend = spread.trend();
        this.consequences = consequences.strip();
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.assessedBy = by;
        this.assessedAt = at;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public Instant assessedAt() { return assessedAt; }
    public String assessedAtText() { return Times.format(assessedAt); }
    public String assessedBy() { return assessedBy; }
    public String gradeCode() { return gradeCode; }
    public boolean emergency() { return emergency; }
    public boolean regraded() { return regraded; }
    public int items() { return items; }
    public int negative() { return negative; }
    public int channels() { return channels; }
    public long engagement() { return engagement; }
    public double recentPerHour() { return recentPerHour; }
    public double beforePerHour() { return beforePerHour; }
    public Spread.Trend trend() { return trend; }
    public String consequences() { return consequences; }
    public String note() { return note; }
}

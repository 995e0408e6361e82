package cn.yuqing.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * The lines an assessor sets for a region past which a unit's scorecard suggests an interview
 * (约谈, 4.6): a weighted on-time share below {@code minOnTime} (ranked units only, so one case
 * does not decide), or more missed clocks or unanswered key events than allowed.
 */
@Entity
@Table(name = "assessment_threshold")
public class Thresholds {

    @Id
    private String regionCode;

    private double minOnTime;

    private int maxMissed;

    private int maxUnanswered;

    /** Fewer rated surveys than this decide nothing: one 不满意 of one is not a unit's satisfaction. */
    static final int MIN_SURVEYS = 3;

    /** The satisfaction line of the hotline practice (85 % by default): a unit below it, on enough surveys, is suggested for an interview. */
    private double minSatisfaction = 0.85;

    private String changedBy;

    private Instant changedAt;

    protected Thresholds() {
    }

    Thresholds(String regionCode, double minOnTime, int maxMissed, int maxUnanswered, String by, Instant at) {
        this.regionCode = regionCode;
        change(minOnTime, maxMissed, maxUnanswered, 0.85, by, at);
    }

    static Thresholds defaults(String regionCode) {
        return new Thresholds(regionCode, 0.6, 2, 0, "默认", Instant.EPOCH);
    }

    void change(double minOnTime, int maxMissed, int maxUnanswered, double minSatisfaction, String by, Instant at) {
        if (minOnTime < 0 || minOnTime > 1 || maxMissed < 0 || maxUnanswered < 0 || maxMissed > 1000 || maxUnanswered > 1000
                || minSatisfaction < 0 || minSatisfaction > 1) {
            throw new DomainRuleViolation("4.6", "按时率、满意率应在0%至100%之间，项数应为0至1000的整数");
        }
        this.minSatisfaction = minSatisfaction;
        this.minOnTime = minOnTime;
        this.maxMissed = maxMissed;
        this.maxUnanswered = maxUnanswered;
        this.changedBy = by;
        this.changedAt = at;
    }

    /** Why the scorecard crosses the lines; empty if it does not. */
    public List<String> crossedBy(Scorecard c) {
        List<String> reasons = new ArrayList<>();
        if (c.ranked() && c.weightedOnTime() < minOnTime) {
            reasons.add("加权按时率" + c.weightedOnTimeText() + "，低于" + Math.round(minOnTime * 100) + "%");
        }
        if (c.missed() > maxMissed) {
            reasons.add(c.missed() + "项回应时限超时未完成，超过" + maxMissed + "项");
        }
        Double satisfied = c.loop().satisfaction().share();
        if (satisfied != null && c.loop().satisfaction().rated() >= MIN_SURVEYS && satisfied < minSatisfaction) {
            reasons.add("群众满意率" + c.loop().satisfaction().text() + "，低于" + Math.round(minSatisfaction * 100) + "%");
        }
        if (c.unanswered() > maxUnanswered) {
            reasons.add(c.unanswered() + "件重点回应舆情未发布回应，超过" + maxUnanswered + "件");
        }
        return reasons;
    }

    public String regionCode() { return regionCode; }
    public double minOnTime() { return minOnTime; }
    public long minOnTimePercent() { return Math.round(minOnTime * 100); }
    public int maxMissed() { return maxMissed; }
    public int maxUnanswered() { return maxUnanswered; }
    public double minSatisfaction() { return minSatisfaction; }
    public long minSatisfactionPercent() { return Math.round(minSatisfaction * 100); }
    public String changedBy() { return changedBy; }
}

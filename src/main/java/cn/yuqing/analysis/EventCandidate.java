package cn.yuqing.analysis;

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
 * A cluster of items that may be one matter of public opinion: near-copies, and posts sharing
 * topic, place and time. The analyst confirms, merges, splits; the opinion workflow takes it on.
 */
@Entity
public class EventCandidate {

    public enum Status { OPEN, MERGED, DISMISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;

    private Long mergedInto;

    private Long unitId;

    private Instant firstSeen;
    private Instant lastSeen;
    private int itemCount;
    private int negativeCount;
    private int channelCount;
    private long engagement;
    private int lastHour;
    private String topPlace;
    private String schemeIds;
    private String partitionKey;
    private int urgentCount;
    private int signalCount;
    /** What the suggestion rests on, added up as items arrive ({@link CandidateTallies}, JSON). */
    private String tallies;

    @Enumerated(EnumType.STRING)
    private WarningRules.Level level = WarningRules.Level.NONE;

    /** The suggestion with its reasons, as JSON. */
    private String suggestion;

    @Version
    private long version;

    protected EventCandidate() {
    }

    EventCandidate(String title, Long unitId, Instant at) {
        this.title = title.length() > 500 ? title.substring(0, 500) : title;
        this.unitId = unitId;
        this.firstSeen = at;
        this.lastSeen = at;
    }

    void refresh(CandidateFigures figures, WarningRules.Suggestion suggestion, String suggestionJson, String talliesJson) {
        this.tallies = talliesJson;
        this.urgentCount = figures.urgent();
        this.signalCount = figures.withSignals();
        this.itemCount = figures.items();
        this.negativeCount = figures.negative();
        this.channelCount = figures.channels();
        this.engagement = figures.engagement();
        this.lastHour = figures.lastHour();
        if (figures.first() != null) {
            this.firstSeen = figures.first();
            this.lastSeen = figures.last();
        }
        this.topPlace = suggestion.place();
        this.level = suggestion.level();
        this.suggestion = suggestionJson;
    }

    void mergeInto(EventCandidate target) {
        if (status != Status.OPEN || target.status != Status.OPEN) {
            throw new DomainRuleViolation("只能合并未结束的候选事件");
        }
        if (target.id.equals(id)) {
            throw new DomainRuleViolation("不能与自身合并");
        }
        status = Status.MERGED;
        mergedInto = target.id;
    }

    void placeInPartition(String partition) {
        this.partitionKey = partition;
    }

    void dismiss() {
        status = Status.DISMISSED;
    }

    void schemes(String ids) {
        this.schemeIds = ids;
    }

    public Long id() { return id; }
    public String title() { return title; }
    public Status status() { return status; }
    public Long mergedInto() { return mergedInto; }
    public Long unitId() { return unitId; }
    public Instant firstSeen() { return firstSeen; }
    public Instant lastSeen() { return lastSeen; }
    public int itemCount() { return itemCount; }
    public int negativeCount() { return negativeCount; }
    public int channelCount() { return channelCount; }
    public long engagement() { return engagement; }
    public int lastHour() { return lastHour; }
    public String topPlace() { return topPlace; }
    public WarningRules.Level level() { return level; }
    public String suggestionJson() { return suggestion; }
    public long version() { return version; }
    public String partitionKey() { return partitionKey; }
    String talliesJson() { return tallies; }
    public String lastSeenText() { return Times.format(lastSeen); }
    public String firstSeenText() { return Times.format(firstSeen); }
}

package cn.yuqing.response;

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
 * 4.4: a press conference, scheduled with time, place, speakers and the questions expected with the
 * answers agreed; then the record of what happened. Its release (the press conference as published)
 * answers the 24-hour clock once signed off and published like any other.
 */
@Entity
public class PressConference {

    public enum Status {
        SCHEDULED("已安排"), HELD("已举行");

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

    private Instant scheduledAt;

    private String place;

    private String speakers;

    private boolean principalLeader;

    /** The questions expected and the answers agreed, as the office writes them. */
    private String questions;

    @Enumerated(EnumType.STRING)
    private Status status = Status.SCHEDULED;

    private String record;

    private Instant heldAt;

    private Long releaseId;

    private String createdBy;

    @Version
    private long version;

    protected PressConference() {
    }

    PressConference(Long eventId, Instant scheduledAt, String place, String speakers, boolean principalLeader,
            String questions, String by) {
        if (scheduledAt == null) {
            throw new DomainRuleViolation("4.4", "请填写举行时间");
        }
        if (place == null || place.isBlank() || place.strip().length() > 200) {
            throw new DomainRuleViolation("4.4", "请填写地点（200字以内）");
        }
        if (speakers == null || speakers.isBlank() || speakers.strip().length() > 500) {
            throw new DomainRuleViolation("4.4", "请填写发布人（姓名、职务，500字以内）");
        }
        this.eventId = eventId;
        this.scheduledAt = scheduledAt;
        this.place = place.strip();
        this.speakers = speakers.strip();
        this.principalLeader = principalLeader;
        this.questions = questions == null || questions.isBlank() ? null : questions.strip();
        this.createdBy = by;
    }

    /** What happened; the release drafted from it goes through review and sign-off. */
    void held(String record, Instant at, Long releaseId) {
        if (status != Status.SCHEDULED) {
            throw new DomainRuleViolation("4.4", "该发布会已登记举行情况");
        }
        if (record == null || record.isBlank()) {
            throw new DomainRuleViolation("4.4", "请填写发布会实际情况（发布内容、答问情况）");
        }
        this.status = Status.HELD;
        this.record = record.strip();
        this.heldAt = at;
        this.releaseId = releaseId;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public String scheduledAtText() { return Times.format(scheduledAt); }
    public String place() { return place; }
    public String speakers() { return speakers; }
    public boolean principalLeader() { return principalLeader; }
    public String questions() { return questions; }
    public Status status() { return status; }
    public String record() { return record; }
    public Instant heldAt() { return heldAt; }
    public String heldAtText() { return Times.format(heldAt); }
    public Long releaseId() { return releaseId; }
    public long version() { return version; }
}

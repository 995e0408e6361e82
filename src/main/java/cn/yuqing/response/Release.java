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
 * One release: drafted, reviewed by someone other than its author, signed off by the role the
 * grade requires, then published. Only a published release answers a clock or reaches the public.
 */
@Entity
public class Release {

    public enum Status {
        DRAFT("草稿"), REVIEWED("已审核"), SIGNED_OFF("已签发"), PUBLISHED("已发布");

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

    @Enumerated(EnumType.STRING)
    private ReleaseKind kind;

    private String title;

    private String text;

    private String channel;

    private String speaker;

    private boolean principalLeader;

    @Enumerated(EnumType.STRING)
    private Status status = Status.DRAFT;

    private String author;

    private String reviewer;

    private String reviewNote;

    private String signedOffBy;

    private Instant publishedAt;

    private Instant createdAt;

    @Version
    private long version;

    protected Release() {
    }

    Release(Long eventId, ReleaseKind kind, String title, String text, String channel, String speaker,
            boolean principalLeader, String author, Instant now) {
        this.eventId = eventId;
        this.author = author;
        this.createdAt = now;
        revise(kind, title, text, channel, speaker, principalLeader);
    }

    /** A draft may be rewritten; a reviewed one goes back to draft, so that what is signed is what was read. */
    void revise(ReleaseKind kind, String title, String text, String channel, String speaker, boolean principalLeader) {
        if (status == Status.SIGNED_OFF || status == Status.PUBLISHED) {
            throw new DomainRuleViolation("4.4", "已签发的回应不能再修改；如需更正，请另拟一稿");
        }
        if (kind == null) {
            throw new DomainRuleViolation("4.4", "请选择回应方式");
        }
        if (title == null || title.isBlank() || title.strip().length() > 300) {
            throw new DomainRuleViolation("4.4", "请填写标题（300字以内）");
        }
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolation("4.4", "回应内容不能为空");
        }
        if (text.length() > 20_000) {
            throw new DomainRuleViolation("4.4", "回应内容过长（20000字以内）");
        }
        if (channel == null || channel.isBlank() || channel.strip().length() > 300) {
            throw new DomainRuleViolation("4.4", "请写明发布渠道（如 潢川县人民政府网站）");
        }
        this.kind = kind;
        this.title = title.strip();
        this.text = text.strip();
        this.channel = channel.strip();
        this.speaker = speaker == null || speaker.isBlank() ? null : speaker.strip().length() > 200 ? speaker.strip().substring(0, 200)
                : speaker.strip();
        this.principalLeader = principalLeader;
        this.status = Status.DRAFT;
        this.reviewer = null;
    }

    /** A generated title (from an event's name, which comes from the internet) fitted to the limit. */
    static String fittedTitle(String title) {
        String t = title.strip();
        return t.length() <= 300 ? t : t.substring(0, 299) + "…";
    }

    void review(String by, String note) {
        if (status != Status.DRAFT) {
            throw new DomainRuleViolation("4.4", "只能审核草稿");
        }
        if (by.equals(author)) {
            throw new DomainRuleViolation("4.4", "审核须由起草人以外的人员进行");
        }
        status = Status.REVIEWED;
        reviewer = by;
        reviewNote = note == null || note.isBlank() ? null : note.strip();
    }

    void signOff(String by) {
        if (status != Status.REVIEWED) {
            throw new DomainRuleViolation("4.4", "须先审核，再签发");
        }
        status = Status.SIGNED_OFF;
        signedOffBy = by;
    }

    void publish(Instant at) {
        if (status != Status.SIGNED_OFF) {
            throw new DomainRuleViolation("4.4", "须经签发才能发布");
        }
        status = Status.PUBLISHED;
        publishedAt = at;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public ReleaseKind kind() { return kind; }
    public String title() { return title; }
    public String text() { return text; }
    public String channel() { return channel; }
    public String speaker() { return speaker; }
    public boolean principalLeader() { return principalLeader; }
    public Status status() { return status; }
    public String author() { return author; }
    public Instant createdAt() { return createdAt; }
    public String reviewer() { return reviewer; }
    public String reviewNote() { return reviewNote; }
    public String signedOffBy() { return signedOffBy; }
    public Instant publishedAt() { return publishedAt; }
    public String publishedAtText() { return Times.format(publishedAt); }
    public String createdAtText() { return Times.format(createdAt); }
    public long version() { return version; }
}

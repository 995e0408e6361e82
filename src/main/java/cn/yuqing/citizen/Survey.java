package cn.yuqing.citizen;

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
 * One 回访 after one reply: answered once, by the citizen through the link (until it expires) or
 * recorded by the government office from a phone call. The nonce is the link's secret part; the
 * link is also signed (see {@link SurveyLinks}), so neither a guessed nor an altered link opens it.
 */
@Entity
public class Survey {

    public enum Rating {
        SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

        private final String label;

        Rating(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean satisfied() {
            return this != UNSATISFIED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long replyId;

    private Long eventId;

    private Long orderId;

    private Long unitId;

    /** 1 for the first reply on the order, 2 after a 重办, … */
    private int round;

    private String nonce;

    private Instant createdAt;

    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    private String comment;

    private Instant answeredAt;

    /** Who recorded a phone 回访; null when the citizen answered through the link. */
    private String recordedBy;

    @Version
    private long version;

    protected Survey() {
    }

    Survey(CitizenReply reply, int round, String nonce, Instant at, Instant expiresAt) {
        this.replyId = reply.id();
        this.eventId = reply.eventId();
        this.orderId = reply.orderId();
        this.unitId = reply.unitId();
        this.round = round;
        this.nonce = nonce;
        this.createdAt = at;
        this.expiresAt = expiresAt;
    }

    /** The citizen's own answer through the link: before it expires, once. */
    void answer(Rating rating, String comment, Instant at) {
        if (answeredAt != null) {
            throw new DomainRuleViolation("您已评价过，感谢您的反馈");
        }
        if (!at.isBefore(expiresAt)) {
            throw new DomainRuleViolation("评价链接已过期。如需反映，请拨打12345或联系承办单位");
        }
        settle(rating, comment, at, null);
    }

    /** A phone 回访 the government office recorded: the link, if still open, is closed by it. */
    void record(Rating rating, String comment, Instant at, String by) {
        if (answeredAt != null) {
            throw new DomainRuleViolation("该回访已有评价（" + this.rating.label() + "），不能重复记录");
        }
        settle(rating, comment, at, by);
    }

    private void settle(Rating rating, String comment, Instant at, String by) {
        if (rating == null) {
            throw new DomainRuleViolation("请选择满意、基本满意或不满意");
        }
        if (comment != null && comment.length() > 500) {
            throw new DomainRuleViolation("意见不超过500字");
        }
        if (rating == Rating.UNSATISFIED && (comment == null || comment.isBlank()) && by != null) {
            throw new DomainRuleViolation("不满意须记录群众所说的原因");
        }
        this.rating = rating;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.answeredAt = at;
        this.recordedBy = by;
    }

    public Long id() { return id; }
    public Long replyId() { return replyId; }
    public Long eventId() { return eventId; }
    public Long orderId() { return orderId; }
    public Long unitId() { return unitId; }
    public int round() { return round; }
    String nonce() { return nonce; }
    public Instant expiresAt() { return expiresAt; }
    public String expiresAtText() { return Times.format(expiresAt); }
    public Rating rating() { return rating; }
    public String comment() { return comment; }
    public Instant answeredAt() { return answeredAt; }
    public String answeredAtText() { return Times.format(answeredAt); }
    public boolean answered() { return answeredAt != null; }
    public String recordedBy() { return recordedBy; }
    public boolean byPhone() { return recordedBy != null; }
    public long version() { return version; }
}

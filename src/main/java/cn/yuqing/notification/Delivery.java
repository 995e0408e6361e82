package cn.yuqing.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** One message on its way out by e-mail or a group robot; retried with growing pauses, and kept. */
@Entity
public class Delivery {

    public enum Channel {
        EMAIL("电子邮件"), WECOM("企业微信群"), DINGTALK("钉钉群"), SMS("短信");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        PENDING("待发送"), SENT("已发送"), FAILED("发送失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Pauses after the 1st, 2nd … failure; after the last the delivery is given up, visibly. */
    static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(3)};

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private Long recipientId;

    private Long robotId;

    /** A person's or citizen's address, or a robot's webhook with its key: encrypted at rest. */
    @jakarta.persistence.Convert(converter = cn.yuqing.shared.Encrypted.class)
    private String target;

    /** What a message to a citizen belongs to (e.g. {@code reply:12}); null for notices to staff. */
    private String reference;

    private String subject;

    private String body;

    private boolean urgent;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    private Instant sentAt;

    private Instant createdAt;

    protected Delivery() {
    }

    Delivery(Channel channel, Long recipientId, Long robotId, String target, String subject, String body, boolean urgent,
            Instant notBefore, Instant now) {
        this.channel = channel;
        this.recipientId = recipientId;
        this.robotId = robotId;
        this.target = target;
        this.subject = clip(subject, 200);
        this.body = clip(body, 4000);
        this.urgent = urgent;
        this.nextAttemptAt = notBefore;
        this.createdAt = now;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    void sent(Instant at) {
        attempts++;
        status = Status.SENT;
        sentAt = at;
        lastError = null;
    }

    void failed(String error, Instant at) {
        attempts++;
        // a refusal may quote the address (a mail server's "invalid address: …"): never keep a citizen's in clear
        lastError = clip(error == null || !toCitizen() ? error : error.replace(target, targetShown()), 1000);
        if (attempts > BACKOFF.length) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = at.plus(BACKOFF[attempts - 1]);
        }
    }

    /** An administrator asks for another try, e.g. after fixing a robot's address. */
    void retry(Instant at) {
        status = Status.PENDING;
        nextAttemptAt = at;
    }

    public Long id() { return id; }
    public Channel channel() { return channel; }
    public Long recipientId() { return recipientId; }
    public Long robotId() { return robotId; }
    public String target() { return target; }
    public String subject() { return subject; }
    public String body() { return body; }
    public boolean urgent() { return urgent; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String nextAttemptAtText() { return Times.format(nextAttemptAt); }
    public String lastError() { return lastError; }
    public String sentAtText() { return Times.format(sentAt); }
    public String createdAtText() { return Times.format(createdAt); }

    Delivery toCitizen(String reference) {
        this.reference = reference;
        return this;
    }

    public String reference() { return reference; }

    /** A message to a citizen, not to a person of the directory nor a group. */
    public boolean toCitizen() {
        return recipientId == null && robotId == null;
    }

    /** Robot targets carry their key: shown without it; a citizen's address is masked (personal data). */
    public String targetShown() {
        if (toCitizen()) {
            return channel == Channel.SMS ? cn.yuqing.shared.Masks.phone(target) : cn.yuqing.shared.Masks.email(target);
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q) + "?…";
    }
}

package cn.yuqing.intake;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Encrypted;
import cn.yuqing.shared.Times;

/**
 * An automatic way in: an API key of a crawler or another government system, a portal feed, the
 * public mailbox, or a series of file imports. It keeps its own health, because a source that has
 * gone silent is the commonest way such systems miss what matters.
 */
@Entity
@Table(name = "intake_source")
public class IntakeSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long channelId;

    private String name;

    @Enumerated(EnumType.STRING)
    private SourceKind kind;

    private String apiKeyHash;
    private String apiKeyPrefix;

    private String feedUrl;

    private String mailHost;
    private Integer mailPort;
    private Boolean mailSsl;
    private String mailUsername;
    @Convert(converter = Encrypted.class)
    private String mailPassword;
    private String mailFolder;

    private Integer pollIntervalMinutes;

    /** Silent for longer than this raises an alert; null: no expectation (e.g. occasional imports). */
    private Integer expectedIntervalMinutes;

    private boolean active = true;

    private Instant createdAt;
    private Instant lastPolledAt;
    private Instant lastDeliveredAt;
    private long itemsDelivered;
    private String lastError;
    private Instant lastErrorAt;
    private Instant silenceAlertedAt;

    @Version
    private long version;

    protected IntakeSource() {
    }

    private IntakeSource(Long channelId, String name, SourceKind kind, Integer expectedIntervalMinutes, Instant now) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new DomainRuleViolation("来源名称不能为空，且不超过100字");
        }
        if (expectedIntervalMinutes != null && expectedIntervalMinutes < 1) {
            throw new DomainRuleViolation("预期间隔应为正数（分钟）");
        }
        this.channelId = channelId;
        this.name = name.strip();
        this.kind = kind;
        this.expectedIntervalMinutes = expectedIntervalMinutes;
        this.createdAt = now;
    }

    static IntakeSource api(Long channelId, String name, String keyHash, String keyPrefix, Integer expected, Instant now) {
        IntakeSource s = new IntakeSource(channelId, name, SourceKind.API, expected, now);
        s.apiKeyHash = keyHash;
        s.apiKeyPrefix = keyPrefix;
        return s;
    }

    static IntakeSource feed(Long channelId, String name, String url, int pollMinutes, Integer expected, Instant now) {
        if (url == null || !url.matches("(?i)https?://\\S{1,990}")) {
            throw new DomainRuleViolation("订阅地址应为 http:// 或 https:// 开头的网址");
        }
        if (pollMinutes < 1 || pollMinutes > 24 * 60) {
            throw new DomainRuleViolation("抓取间隔应为1至1440分钟");
        }
        IntakeSource s = new IntakeSource(channelId, name, SourceKind.FEED, expected, now);
        s.feedUrl = url.strip();
        s.pollIntervalMinutes = pollMinutes;
        return s;
    }

    static IntakeSource mailbox(Long channelId, String name, String host, int port, boolean ssl, String username,
            String password, String folder, int pollMinutes, Integer expected, Instant now) {
        if (host == null || !host.matches("[A-Za-z0-9.-]{1,200}")) {
            throw new DomainRuleViolation("邮件服务器地址不正确");
        }
        if (port < 1 || port > 65535) {
            throw new DomainRuleViolation("端口应为1至65535");
        }
        if (username == null || username.isBlank()) {
            throw new DomainRuleViolation("请填写邮箱账户");
        }
        IntakeSource s = new IntakeSource(channelId, name, SourceKind.MAILBOX, expected, now);
        s.mailHost = host;
        s.mailPort = port;
        s.mailSsl = ssl;
        s.mailUsername = username.strip();
        s.mailPassword = password;
        s.mailFolder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        s.pollIntervalMinutes = Math.max(1, pollMinutes);
        return s;
    }

    static IntakeSource imports(Long channelId, String name, Instant now) {
        return new IntakeSource(channelId, name, SourceKind.IMPORT, null, now);
    }

    boolean duePoll(Instant now) {
        return active && pollIntervalMinutes != null
                && (lastPolledAt == null || !now.isBefore(lastPolledAt.plus(Duration.ofMinutes(pollIntervalMinutes))));
    }


    /** 4.1 in spirit: a source silent longer than expected is raised once per silence, not once a minute. */
    boolean silentSince(Instant now) {
        if (!active || expectedIntervalMinutes == null) {
            return false;
        }
        Instant last = lastDeliveredAt != null ? lastDeliveredAt : createdAt;
        boolean silent = now.isAfter(last.plus(Duration.ofMinutes(expectedIntervalMinutes)));
        boolean alreadyAlerted = silenceAlertedAt != null && silenceAlertedAt.isAfter(last);
        return silent && !alreadyAlerted;
    }

    void silenceAlerted(Instant now) {
        silenceAlertedAt = now;
    }

    public String health(Instant now) {
        if (!active) {
            return "已停用";
        }
        if (lastError != null) {
            return "出错";
        }
        if (expectedIntervalMinutes != null) {
            Instant last = lastDeliveredAt != null ? lastDeliveredAt : createdAt;
            if (now.isAfter(last.plus(Duration.ofMinutes(expectedIntervalMinutes)))) {
                return "沉默";
            }
        }
        return "正常";
    }

    public Long id() { return id; }
    public Long channelId() { return channelId; }
    public String name() { return name; }
    public SourceKind kind() { return kind; }
    public String apiKeyPrefix() { return apiKeyPrefix; }
    String apiKeyHash() { return apiKeyHash; }
    public String feedUrl() { return feedUrl; }
    public String mailHost() { return mailHost; }
    public Integer mailPort() { return mailPort; }
    boolean mailSsl() { return Boolean.TRUE.equals(mailSsl); }
    public String mailUsername() { return mailUsername; }
    String mailPassword() { return mailPassword; }
    public String mailFolder() { return mailFolder; }
    public Integer pollIntervalMinutes() { return pollIntervalMinutes; }
    public Integer expectedIntervalMinutes() { return expectedIntervalMinutes; }
    public boolean active() { return active; }
    public Instant lastDeliveredAt() { return lastDeliveredAt; }
    public long itemsDelivered() { return itemsDelivered; }
    public String lastError() { return lastError; }
    public Instant lastErrorAt() { return lastErrorAt; }
    public String lastDeliveredText() { return lastDeliveredAt == null ? "从未" : Times.format(lastDeliveredAt); }
    public String lastErrorAtText() { return Times.format(lastErrorAt); }
}

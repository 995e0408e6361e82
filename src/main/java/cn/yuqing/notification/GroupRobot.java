package cn.yuqing.notification;

import java.net.URI;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Encrypted;

/** A unit's group chat robot (WeCom 企业微信 or DingTalk 钉钉), reached by its webhook address. */
@Entity
public class GroupRobot {

    public enum Kind {
        WECOM("企业微信群机器人"), DINGTALK("钉钉群机器人");

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

    private Long unitId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String name;

    @Convert(converter = Encrypted.class)
    private String webhookUrl;

    /** DingTalk's signing secret (“加签”); messages are signed when it is set. */
    @Convert(converter = Encrypted.class)
    private String secret;

    private boolean urgentOnly;

    private boolean active = true;

    @Version
    private long version;

    protected GroupRobot() {
    }

    GroupRobot(Long unitId, Kind kind, String name, String webhookUrl, String secret, boolean urgentOnly) {
        if (unitId == null) {
            throw new DomainRuleViolation("请选择单位");
        }
        if (kind == null) {
            throw new DomainRuleViolation("请选择机器人类型");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new DomainRuleViolation("请填写名称（100字以内）");
        }
        this.unitId = unitId;
        this.kind = kind;
        this.name = name.strip();
        this.webhookUrl = checkedUrl(webhookUrl);
        this.secret = secret == null || secret.isBlank() ? null : secret.strip();
        this.urgentOnly = urgentOnly;
    }

    static String checkedUrl(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || url.strip().length() > 1000) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("Webhook 地址应以 https:// 开头，形如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        }
    }

    void deactivate() {
        active = false;
    }

    public Long id() { return id; }
    public Long unitId() { return unitId; }
    public Kind kind() { return kind; }
    public String name() { return name; }
    public String webhookUrl() { return webhookUrl; }
    public String secret() { return secret; }
    public boolean urgentOnly() { return urgentOnly; }
    public boolean active() { return active; }

    /** The address without its key, for lists: the key is a credential. */
    public String maskedUrl() {
        int q = webhookUrl.indexOf('?');
        return q < 0 ? webhookUrl : webhookUrl.substring(0, q) + "?…";
    }
}

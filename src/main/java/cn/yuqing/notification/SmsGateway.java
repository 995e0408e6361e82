package cn.yuqing.notification;

import java.net.URI;
import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Encrypted;
import cn.yuqing.shared.Times;

/**
 * The HTTP SMS gateway an administrator configures (one per installation), the way the common
 * Chinese gateways are called: a form POST of account, mobile, content (the 短信签名 in front)
 * and a millisecond timestamp, signed with the account's secret (see {@link Senders#smsSign}).
 */
@Entity
public class SmsGateway {

    static final long ONLY = 1L;

    @Id
    private Long id = ONLY;

    @Convert(converter = Encrypted.class)
    private String url;

    private String account;

    @Convert(converter = Encrypted.class)
    private String secret;

    private String signature;

    private boolean active;

    private String changedBy;

    private Instant changedAt;

    protected SmsGateway() {
    }

    static SmsGateway none() {
        return new SmsGateway();
    }

    void change(String url, String account, String secret, String signature, boolean active, String by, Instant at) {
        if (active) {
            URI uri;
            try {
                uri = URI.create(url == null ? "" : url.strip());
            } catch (IllegalArgumentException e) {
                throw new DomainRuleViolation("短信网关地址不是有效的网址");
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")) || uri.getHost() == null) {
                throw new DomainRuleViolation("短信网关地址应以 http:// 或 https:// 开头");
            }
            if (account == null || account.isBlank() || account.length() > 100) {
                throw new DomainRuleViolation("请填写短信网关账号（不超过100字符）");
            }
            if ((secret == null || secret.isBlank()) && this.secret == null) {
                throw new DomainRuleViolation("请填写短信网关密钥");
            }
            if (signature == null || !signature.strip().matches("【[^【】]{2,12}】")) {
                throw new DomainRuleViolation("短信签名应写作【潢川县人民政府】的形式（2至12字）");
            }
        }
        if (url != null && url.length() > 500) {
            throw new DomainRuleViolation("短信网关地址不超过500字符");
        }
        this.url = url == null || url.isBlank() ? this.url : url.strip();
        this.account = account == null || account.isBlank() ? this.account : account.strip();
        this.secret = secret == null || secret.isBlank() ? this.secret : secret.strip();
        this.signature = signature == null || signature.isBlank() ? this.signature : signature.strip();
        this.active = active;
        this.changedBy = by;
        this.changedAt = at;
    }

    public boolean active() { return active && url != null; }
    public String url() { return url; }
    public String account() { return account; }
    String secret() { return secret; }
    public boolean hasSecret() { return secret != null; }
    public String signature() { return signature; }
    public String changedBy() { return changedBy; }
    public String changedAtText() { return Times.format(changedAt); }
}

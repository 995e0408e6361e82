package cn.yuqing.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in rules: lock-out after repeated failures, and where the first administrator's password
 * comes from ({@code YUQING_ADMIN_PASSWORD}; generated and printed once when absent).
 */
@ConfigurationProperties("yuqing.accounts")
public record AccountSettings(Integer maxFailedSignIns, Duration lockout, String initialAdminPassword,
        Integer minPasswordLength) {

    public AccountSettings {
        maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        minPasswordLength = minPasswordLength == null ? 10 : minPasswordLength;
    }
}

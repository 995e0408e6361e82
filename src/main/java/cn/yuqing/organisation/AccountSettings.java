package cn.yuqing.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and session rules as 等保 asks them, each a setting the self-check page shows: lock-out
 * after repeated failures, password length (the three-of-four character classes are always asked)
 * and age, the idle and absolute session timeouts, one session per account; and where the first
 * administrators' passwords come from ({@code YUQING_ADMIN_PASSWORD}, {@code YUQING_SECURITY_ADMIN_PASSWORD},
 * {@code YUQING_AUDIT_ADMIN_PASSWORD}; generated and printed once when absent).
 */
@ConfigurationProperties("yuqing.accounts")
public record AccountSettings(Integer maxFailedSignIns, Duration lockout, String initialAdminPassword,
        String initialSecurityAdminPassword, String initialAuditAdminPassword, Integer minPasswordLength,
        Duration passwordMaxAge, Duration idleTimeout, Duration absoluteTimeout, Boolean secondFactorForAdministrators) {

    public AccountSettings {
        maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        minPasswordLength = minPasswordLength == null ? 10 : minPasswordLength;
        passwordMaxAge = passwordMaxAge == null ? Duration.ofDays(90) : passwordMaxAge;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
        secondFactorForAdministrators = secondFactorForAdministrators == null || secondFactorForAdministrators;
    }

    /** Zero: passwords do not expire. */
    public boolean passwordsExpire() {
        return !passwordMaxAge.isZero() && !passwordMaxAge.isNegative();
    }
}

package cn.yuqing.organisation;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** Something happened to an account: sign-in, failure, lock-out, password change. Never carries a secret. */
public record AccountEvent(String action, String username, Map<String, ?> after) implements AuditedChange {

    @Override
    public String subject() {
        return "account/" + username;
    }

    @Override
    public String actorHint() {
        return username;
    }

    static AccountEvent signedIn(String username) {
        return new AccountEvent("organisation:account:sign-in", username, Map.of());
    }

    static AccountEvent signInFailed(String username, int failures, boolean locked) {
        return new AccountEvent("organisation:account:sign-in-failed", username,
                Map.of("consecutiveFailures", failures, "locked", locked));
    }

    static AccountEvent passwordChanged(String username, boolean byAdministrator) {
        return new AccountEvent("organisation:account:password", username, Map.of("resetByAdministrator", byAdministrator));
    }

    /** enrolled, verified, refused or removed. */
    static AccountEvent secondFactor(String username, String what) {
        return new AccountEvent("organisation:account:second-factor", username, Map.of("secondFactor", what));
    }

    static AccountEvent unlocked(String username) {
        return new AccountEvent("organisation:account:unlock", username, Map.of());
    }
}

package cn.yuqing.shared;

import java.util.Map;

/**
 * A domain event that the audit trail records. Published inside the transaction that makes the
 * change, so that the change and its audit entry are committed together or not at all.
 */
public interface AuditedChange {

    /** Permission-style code of the action, e.g. {@code organisation:unit:update}. */
    String action();

    /** What was changed, e.g. {@code unit/12}. */
    String subject();

    /** State before the change; empty for a creation. */
    default Map<String, ?> before() {
        return Map.of();
    }

    /** State after the change; empty for a deletion. */
    default Map<String, ?> after() {
        return Map.of();
    }

    /** Who acted, where the security context does not tell (e.g. a failed sign-in). */
    default String actorHint() {
        return null;
    }
}

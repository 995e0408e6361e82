package cn.yuqing.audit;

import cn.yuqing.shared.Hashes;

/**
 * The hash that links an entry to the one before it. One definition, used where entries are
 * appended and verified and by the offline check of an exported file ({@link AuditExportCheck}),
 * which runs without Spring: what the application wrote, the assessor's check recomputes.
 */
final class ChainHash {

    /** The "previous hash" of the first entry ever recorded. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** SHA-256 over every field but the hash itself, the previous entry's hash included, separated by U+001F. */
    static String of(AuditEntry e) {
        String canonical = String.join("\u001f", Long.toString(e.seq()), e.recordedAt().toString(), e.actor(), e.action(),
                e.subject(), nullSafe(e.before()), nullSafe(e.after()), nullSafe(e.origin()), e.prevHash());
        return Hashes.sha256(canonical);
    }

    /** The entry linked after {@code prevHash}: that previous hash and its own hash set. */
    static AuditEntry link(AuditEntry e, String prevHash) {
        AuditEntry linked = new AuditEntry(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subject(), e.before(), e.after(),
                e.origin(), prevHash, null);
        return new AuditEntry(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subject(), e.before(), e.after(), e.origin(),
                prevHash, of(linked));
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}

package cn.yuqing.audit;

import java.time.Instant;

import cn.yuqing.shared.Times;

/** One recorded action. {@code hash} covers every other field and the previous entry's hash. */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String subject, String before,
        String after, String origin, String prevHash, String hash) {

    public String recordedAtText() {
        return Times.format(recordedAt);
    }
}

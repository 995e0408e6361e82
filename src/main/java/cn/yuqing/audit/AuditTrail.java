package cn.yuqing.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.Times;

/**
 * The append-only, hash-chained log. Appends lock the single head row, so that concurrent
 * transactions on any number of nodes extend one chain; an append joins the caller's transaction,
 * so that a change and its record commit together.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(String actor, String action, String subject, String before, String after, String origin) {
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = (String) head.get("last_hash");
        // microseconds are what both databases keep; hashing more would break verification
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry entry = ChainHash.link(new AuditEntry(seq, at, clip(actor, 64), clip(action, 100), clip(subject, 200), before,
                after, clip(origin, 300), null, null), prevHash);
        jdbc.update("""
                insert into audit_entry (seq, recorded_at, actor, action, subject, before_state, after_state, origin,
                                         prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), entry.actor(),
                entry.action(), entry.subject(), before, after, entry.origin(), prevHash, entry.hash());
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, entry.hash());
        return entry;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Walks the chain from the first entry: each entry's hash must match its content and the
     * previous entry's hash, sequence numbers must have no gap, and the head must point at the
     * last entry (so that deleting the newest rows is noticed too).
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        final int page = 1000;
        long checked = 0;
        long lastSeq = 0;
        String expectedPrev = ChainHash.GENESIS;
        while (true) {
            List<AuditEntry> batch = jdbc.query("select * from audit_entry where seq > ? order by seq fetch first " + page
                    + " rows only", AuditTrail::map, lastSeq);
            for (AuditEntry e : batch) {
                if (e.seq() != lastSeq + 1) {
                    return ChainVerification.broken(checked, lastSeq + 1, "第" + (lastSeq + 1) + "条记录缺失");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return ChainVerification.broken(checked, e.seq(), "第" + e.seq() + "条记录与前一条的链接不符");
                }
                if (!ChainHash.of(e).equals(e.hash())) {
                    return ChainVerification.broken(checked, e.seq(), "第" + e.seq() + "条记录的内容被改动");
                }
                expectedPrev = e.hash();
                lastSeq = e.seq();
                checked++;
            }
            if (batch.size() < page) {
                break;
            }
        }
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
        if (((Number) head.get("last_seq")).longValue() != lastSeq || !expectedPrev.equals(head.get("last_hash"))) {
            return ChainVerification.broken(checked, lastSeq + 1, "链尾与最新记录不符：第" + (lastSeq + 1) + "条及之后的记录被删除");
        }
        return ChainVerification.intact(checked, expectedPrev);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit, String subjectPrefix) {
        String prefix = subjectPrefix == null ? "" : subjectPrefix;
        return jdbc.query("select * from audit_entry where subject like ? order by seq desc fetch first ? rows only",
                AuditTrail::map, escapeLike(prefix) + "%", Math.min(Math.max(limit, 1), 500));
    }

    /**
     * Entries of the given people (any, when {@code actors} is null), on records whose subject
     * starts with the prefix, recorded from {@code from} on and before {@code to}, newest first.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(java.util.Collection<String> actors, String subjectPrefix, Instant from, Instant to, int limit) {
        if (actors != null && actors.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from audit_entry where subject like ?");
        List<Object> args = new java.util.ArrayList<>(List.of(escapeLike(subjectPrefix == null ? "" : subjectPrefix) + "%"));
        if (actors != null) {
            sql.append(" and actor in (").append(String.join(",", java.util.Collections.nCopies(actors.size(), "?"))).append(")");
            args.addAll(actors);
        }
        if (from != null) {
            sql.append(" and recorded_at >= ?");
            args.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and recorded_at < ?");
            args.add(java.sql.Timestamp.from(to));
        }
        sql.append(" order by seq desc fetch first ? rows only");
        args.add(Math.min(Math.max(limit, 1), 500));
        return jdbc.query(sql.toString(), AuditTrail::map, args.toArray());
    }

    @Transactional(readOnly = true)
    public java.util.Optional<AuditEntry> entry(long seq) {
        return jdbc.query("select * from audit_entry where seq = ?", AuditTrail::map, seq).stream().findFirst();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        return n == null ? 0 : n;
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Times.instant(rs.getObject("recorded_at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("origin"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}

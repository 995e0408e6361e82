package cn.yuqing.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.yuqing.shared.Times;

/**
 * The append-only, hash-chained log. Appends lock the single head row, so that concurrent
 * transactions on any number of nodes extend one chain; an append joins the caller's transaction,
 * so that a change and its record commit together.
 */
@Service
public class AuditTrail {

    private static final int PAGE = 1000;
    /** The head row and the archive boundary row: where the chain ends, where its live part starts. */
    static final RowMapper<ChainPoint> POINT = (rs, row) -> new ChainPoint(rs.getLong("last_seq"), rs.getString("last_hash"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Timer headHeld;

    AuditTrail(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.headHeld = Timer.builder("yuqing.audit.head.lock")
                .description("How long each transaction held the audit chain's head row locked, from its first append to its end: "
                        + "the one installation-wide lock left (issue 17)")
                .register(registry);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(String actor, String action, String subject, String before, String after, String origin) {
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
        timeHeld();
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

    /** Once per transaction: the lock is held from its first append until it commits or rolls back. */
    private void timeHeld() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(HELD)) {
            return;
        }
        long from = System.nanoTime();
        TransactionSynchronizationManager.bindResource(HELD, from);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                headHeld.record(System.nanoTime() - from, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
    }

    private static final Object HELD = new Object();

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Walks the chain from the archive boundary (the first entry ever, when nothing is archived): each
     * entry's hash must match its content and the previous entry's hash, sequence numbers must have
     * no gap, and the head must point at the last entry (so that deleting the newest rows is noticed too).
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        ChainPoint boundary = archiveBoundary();
        long checked = 0;
        long lastSeq = boundary.seq();
        String expectedPrev = boundary.hash();
        for (AuditEntry e : entries(boundary.seq(), Long.MAX_VALUE)) {
            if (e.seq() != lastSeq + 1) {
                return ChainVerification.broken(checked, lastSeq + 1, "第" + (lastSeq + 1) + "条记录缺失", boundary.seq());
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return ChainVerification.broken(checked, e.seq(), "第" + e.seq() + "条记录与前一条的链接不符", boundary.seq());
            }
            if (!ChainHash.of(e).equals(e.hash())) {
                return ChainVerification.broken(checked, e.seq(), "第" + e.seq() + "条记录的内容被改动", boundary.seq());
            }
            expectedPrev = e.hash();
            lastSeq = e.seq();
            checked++;
        }
        ChainPoint head = head();
        if (head.seq() != lastSeq || !expectedPrev.equals(head.hash())) {
            return ChainVerification.broken(checked, lastSeq + 1, "链尾与最新记录不符：第" + (lastSeq + 1) + "条及之后的记录被删除",
                    boundary.seq());
        }
        return ChainVerification.intact(checked, expectedPrev, boundary.seq());
    }

    /** The newest entry as the head row records it. */
    ChainPoint head() {
        return jdbc.queryForObject("select last_seq, last_hash from audit_head where id = 1", POINT);
    }

    /** The last archived entry, where the live chain starts; number 0 and the genesis hash while nothing is archived. */
    ChainPoint archiveBoundary() {
        return jdbc.queryForObject("select last_seq, last_hash from audit_boundary where id = 1", POINT);
    }

    /**
     * The live entries recorded from {@code from} on and before {@code to}, as one run of the chain:
     * from the first of them to the last, so that a file of them links without a gap even where a
     * clock was set back in between.
     */
    Optional<Range> range(Instant from, Instant to) {
        var row = jdbc.queryForMap("select min(seq) as first_seq, max(seq) as last_seq from audit_entry"
                + " where recorded_at >= ? and recorded_at < ?", Timestamp.from(from), Timestamp.from(to));
        if (row.get("first_seq") == null) {
            return Optional.empty();
        }
        return Optional.of(new Range(((Number) row.get("first_seq")).longValue(), ((Number) row.get("last_seq")).longValue()));
    }

    /** A run of the chain, {@code first} to {@code last}, both included. */
    record Range(long first, long last) {

        long count() {
            return last - first + 1;
        }
    }

    /** Entries after {@code afterSeq} up to {@code lastSeq}, in order, read a page at a time. */
    Iterable<AuditEntry> entries(long afterSeq, long lastSeq) {
        return () -> new Iterator<>() {

            private final Deque<AuditEntry> page = new ArrayDeque<>();
            private long after = afterSeq;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    List<AuditEntry> batch = jdbc.query("select * from audit_entry where seq > ? and seq <= ? order by seq fetch first "
                            + PAGE + " rows only", AuditTrail::map, after, lastSeq);
                    exhausted = batch.size() < PAGE;
                    page.addAll(batch);
                    after = batch.isEmpty() ? after : batch.get(batch.size() - 1).seq();
                }
                return !page.isEmpty();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
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
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and recorded_at < ?");
            args.add(Timestamp.from(to));
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

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.shared.Times;

/**
 * The append-only, hash-chained log. An append writes its entry into {@code audit_waiting} inside the
 * caller's transaction, so that a change and its record commit together, and takes no lock: the
 * chainer ({@link #chainWaiting()}, every few hundred milliseconds on each node and before every read
 * of the trail) links what has committed onto the one chain in batches, holding the head row only for
 * that short transaction. Before issue 17 every transaction that changed anything held the head row
 * from its first append to its commit: the last installation-wide lock, and a node's analysis queued
 * behind another's.
 */
@Service
public class AuditTrail {

    private static final int PAGE = 1000;
    /** Entries linked in one transaction of the chainer. */
    private static final int CHAIN_BATCH = 2000;
    /** The head row and the archive boundary row: where the chain ends, where its live part starts. */
    static final RowMapper<ChainPoint> POINT = (rs, row) -> new ChainPoint(rs.getLong("last_seq"), rs.getString("last_hash"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Timer headHeld;

    AuditTrail(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.headHeld = Timer.builder("yuqing.audit.head.lock")
                .description("How long each transaction of the chainer held the audit chain's head row locked: "
                        + "the one installation-wide lock left (issue 17)")
                .register(registry);
    }

    /** Records an action in the caller's transaction; it joins the chain once that transaction has committed. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void append(String actor, String action, String subject, String before, String after, String origin) {
        // microseconds are what both databases keep; hashing more would break verification
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("""
                insert into audit_waiting (recorded_at, actor, action, subject, before_state, after_state, origin)
                values (?, ?, ?, ?, ?, ?, ?)""", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), clip(actor, 64), clip(action, 100),
                clip(subject, 200), before, after, clip(origin, 300));
    }

    /**
     * Links the committed waiting entries onto the chain in the order they were written, a batch per
     * transaction of its own; returns how many. Nodes take turns at the head row: a chainer that waited
     * for it finds the entries another has linked gone from the waiting table.
     */
    public int chainWaiting() {
        int linked = 0;
        int batch;
        do {
            batch = ownTransaction.execute(status -> chainBatch());
            linked += batch;
        } while (batch == CHAIN_BATCH);
        return linked;
    }

    private int chainBatch() {
        if (jdbc.queryForList("select id from audit_waiting fetch first 1 rows only", Long.class).isEmpty()) {
            return 0;
        }
        ChainPoint head = jdbc.queryForObject("select last_seq, last_hash from audit_head where id = 1 for update", POINT);
        timeHeld();
        List<Waiting> waiting = jdbc.query("select * from audit_waiting order by id fetch first " + CHAIN_BATCH + " rows only",
                (rs, row) -> new Waiting(rs.getLong("id"), new AuditEntry(0, Times.instant(rs.getObject("recorded_at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("before_state"),
                        rs.getString("after_state"), rs.getString("origin"), null, null)));
        List<AuditEntry> entries = new java.util.ArrayList<>(waiting.size());
        long seq = head.seq();
        String prevHash = head.hash();
        for (Waiting w : waiting) {
            AuditEntry e = w.entry();
            AuditEntry linked = ChainHash.link(new AuditEntry(++seq, e.recordedAt(), e.actor(), e.action(), e.subject(), e.before(),
                    e.after(), e.origin(), null, null), prevHash);
            entries.add(linked);
            prevHash = linked.hash();
        }
        jdbc.batchUpdate("""
                insert into audit_entry (seq, recorded_at, actor, action, subject, before_state, after_state, origin,
                                         prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, e) -> {
            ps.setLong(1, e.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.subject());
            ps.setString(6, e.before());
            ps.setString(7, e.after());
            ps.setString(8, e.origin());
            ps.setString(9, e.prevHash());
            ps.setString(10, e.hash());
        });
        jdbc.batchUpdate("delete from audit_waiting where id = ?", waiting, waiting.size(), (ps, w) -> ps.setLong(1, w.id()));
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, prevHash);
        return waiting.size();
    }

    private record Waiting(long id, AuditEntry entry) {
    }

    /** Once per transaction: the lock is held from when it is taken until the transaction ends. */
    private void timeHeld() {
        long from = System.nanoTime();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                headHeld.record(System.nanoTime() - from, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
    }

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
        // the head first, and the walk up to it: entries linked meanwhile are not taken for a tail deleted
        ChainPoint head = head();
        ChainPoint boundary = archiveBoundary();
        long checked = 0;
        long lastSeq = boundary.seq();
        String expectedPrev = boundary.hash();
        for (AuditEntry e : entries(boundary.seq(), head.seq())) {
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
        if (head.seq() != lastSeq || !expectedPrev.equals(head.hash())) {
            return ChainVerification.broken(checked, lastSeq + 1, "链尾与最新记录不符：第" + (lastSeq + 1) + "条及之后的记录被删除",
                    boundary.seq());
        }
        return ChainVerification.intact(checked, expectedPrev, boundary.seq());
    }

    /** The newest entry as the head row records it, once what has committed is linked. */
    ChainPoint head() {
        chainWaiting();
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
        chainWaiting();
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

    public List<AuditEntry> recent(int limit, String subjectPrefix) {
        chainWaiting();
        String prefix = subjectPrefix == null ? "" : subjectPrefix;
        return jdbc.query("select * from audit_entry where subject like ? order by seq desc fetch first ? rows only",
                AuditTrail::map, escapeLike(prefix) + "%", Math.min(Math.max(limit, 1), 500));
    }

    /**
     * Entries of the given people (any, when {@code actors} is null), on records whose subject
     * starts with the prefix, recorded from {@code from} on and before {@code to}, newest first.
     */
    public List<AuditEntry> search(java.util.Collection<String> actors, String subjectPrefix, Instant from, Instant to, int limit) {
        chainWaiting();
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

    public java.util.Optional<AuditEntry> entry(long seq) {
        chainWaiting();
        return jdbc.query("select * from audit_entry where seq = ?", AuditTrail::map, seq).stream().findFirst();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public long count() {
        chainWaiting();
        Long n = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        return n == null ? 0 : n;
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Times.instant(rs.getObject("recorded_at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("origin"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}

package cn.yuqing.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.shared.Times;

/**
 * Retention: entries recorded before the retention period ({@code yuqing.audit.retention}, 180 days
 * at least) leave the live table, daily, for an archive file beside the backups, which the operator
 * keeps. The chain stays verifiable: the archive is a prefix of the chain, checked offline like any
 * export, and the live chain starts after the boundary, the archive's last entry, whose hash the first
 * live entry links to.
 */
@Service
class AuditArchive {

    private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);

    /** One archiving: entries {@code firstSeq} to {@code lastSeq} in a file of the archive directory. */
    record Archived(String fileName, long firstSeq, long lastSeq, String lastHash, String algorithm, String digest,
            Instant archivedAt) {

        public String archivedAtText() {
            return Times.format(archivedAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail trail;
    private final AuditExports exports;
    private final AuditKeepingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditArchive(JdbcTemplate jdbc, TransactionTemplate tx, AuditTrail trail, AuditExports exports, AuditKeepingSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.trail = trail;
        this.exports = exports;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Archives what has passed the retention period; empty when nothing has. A chain that does not
     * verify up to there is left where it is, so that an archive never carries a break out of sight
     * of the verification page.
     */
    Optional<Archived> archiveExpired() {
        Instant cutoff = clock.instant().minus(settings.retention());
        Path[] written = new Path[2];
        try {
            return Optional.ofNullable(tx.execute(status -> archiveBefore(cutoff, written)));
        } catch (RuntimeException e) {
            for (Path p : written) {
                deleteQuietly(p);
            }
            throw e;
        }
    }

    private Archived archiveBefore(Instant cutoff, Path[] written) {
        // held until commit: another node's task waits here, then finds these entries gone
        ChainPoint boundary = jdbc.queryForObject("select last_seq, last_hash from audit_boundary where id = 1 for update",
                AuditTrail.POINT);
        Long lastLive = jdbc.queryForObject("select max(seq) from audit_entry where seq > ?", Long.class, boundary.seq());
        if (lastLive == null) {
            return null;
        }
        // a prefix of the chain: up to the first entry still within the period, even if a clock was set back before it
        Long firstKept = jdbc.queryForObject("select min(seq) from audit_entry where seq > ? and recorded_at >= ?", Long.class,
                boundary.seq(), Timestamp.from(cutoff));
        long last = firstKept == null ? lastLive : firstKept - 1;
        if (last <= boundary.seq()) {
            return null;
        }
        ChainVerification chain = trail.verify();
        if (!chain.intact() && chain.firstBrokenSeq() <= last) {
            log.error("操作日志在第{}条处校验未通过（{}），暂不归档：请先查明原因", chain.firstBrokenSeq(), chain.problem());
            return null;
        }
        AuditTrail.Range range = new AuditTrail.Range(boundary.seq() + 1, last);
        AuditEntry first = trail.entry(range.first()).orElseThrow();
        AuditEntry lastEntry = trail.entry(range.last()).orElseThrow();
        String name = "yuqing-audit-archive-" + range.first() + "-" + range.last() + ".jsonl";
        String digest;
        try {
            Files.createDirectories(settings.archiveDir());
            written[0] = settings.archiveDir().resolve(name + ".partial");
            digest = exports.write(written[0], AuditFile.ARCHIVE, day(first), day(lastEntry), range, "system");
            // listed under its name only when whole; removed again if the transaction does not commit
            written[1] = Files.move(written[0], settings.archiveDir().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Archived archived = new Archived(name, range.first(), range.last(), lastEntry.hash(), settings.exportDigest(), digest,
                clock.instant());
        jdbc.update("""
                insert into audit_archive (last_seq, first_seq, last_hash, file_name, algorithm, digest, archived_at)
                values (?, ?, ?, ?, ?, ?, ?)""", archived.lastSeq(), archived.firstSeq(), archived.lastHash(), name,
                archived.algorithm(), digest, Timestamp.from(archived.archivedAt()));
        jdbc.update("update audit_boundary set last_seq = ?, last_hash = ? where id = 1", range.last(), lastEntry.hash());
        jdbc.update("delete from audit_entry where seq between ? and ?", range.first(), range.last());
        events.publishEvent(new AuditKept(AuditKept.ARCHIVED, "audit-archive/" + name, Map.of("firstSeq", range.first(),
                "lastSeq", range.last(), "algorithm", archived.algorithm(), "digest", digest)));
        log.info("已将第{}至{}条操作记录归档到 {}", range.first(), range.last(), settings.archiveDir().resolve(name));
        return archived;
    }

    /** The archivings, newest first. */
    List<Archived> list(int limit) {
        return jdbc.query("select * from audit_archive order by last_seq desc fetch first ? rows only", AuditArchive::map, limit);
    }

    /** The archive holding entry {@code seq}, if it was archived. */
    Optional<Archived> holding(long seq) {
        return jdbc.query("select * from audit_archive where first_seq <= ? and last_seq >= ?", AuditArchive::map, seq, seq)
                .stream().findFirst();
    }

    private static Archived map(ResultSet rs, int row) throws SQLException {
        return new Archived(rs.getString("file_name"), rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getString("last_hash"),
                rs.getString("algorithm"), rs.getString("digest"), Times.instant(rs.getObject("archived_at")));
    }

    private static LocalDate day(AuditEntry e) {
        return e.recordedAt().atZone(Times.ZONE).toLocalDate();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("未能删除未完成的归档文件 {}", p, e);
        }
    }
}

package cn.yuqing.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.BackupStarting;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * Makes and keeps the backups. One at a time: the nightly one and a press of the button do not
 * write the same file twice over.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'yuqing-'yyyyMMdd-HHmmss'.zip'");

    /** A backup as listed for the administrator. */
    public record Backup(String name, long bytes, java.time.Instant madeAt) {

        public String madeAtText() {
            return madeAt == null ? "" : cn.yuqing.shared.Times.format(madeAt);
        }
    }

    record BackupMade(String subject, Map<String, ?> after) implements AuditedChange {
        @Override
        public String action() {
            return "system:backup:run";
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path dataDir;
    private final Path dir;
    private final int keep;
    private final Path auditAnchors;

    /**
     * {@code auditAnchors}: the audit's anchor file, taken along by path so that the backup needs no
     * part of the audit module; the audit brings it up to date on {@link BackupStarting}.
     */
    Backups(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
            @Value("${yuqing.data-dir}") String dataDir, @Value("${yuqing.backup.dir:}") String dir,
            @Value("${yuqing.backup.keep:14}") int keep, @Value("${yuqing.audit.anchor-file:}") String auditAnchors) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.dir = dir.isBlank() ? this.dataDir.resolve("backups") : Path.of(dir).toAbsolutePath();
        this.keep = keep;
        this.auditAnchors = auditAnchors.isBlank() ? null : Path.of(auditAnchors).toAbsolutePath();
    }

    /** Only an H2 file database is backed up from here; PostgreSQL has pg_dump, and a database in memory has nothing to keep. */
    public boolean supported() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())
                && !c.getMetaData().getURL().startsWith("jdbc:h2:mem:")));
    }

    public Path directory() {
        return dir;
    }

    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("yuqing-\\d{8}-\\d{6}\\.zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .map(p -> new Backup(p.getFileName().toString(), size(p), modified(p))).toList();
        }
    }

    @Scheduled(cron = "${yuqing.backup.cron:0 30 2 * * *}")
    void nightly() throws IOException {
        if (supported()) {
            backUp();
        }
    }

    /** The database and the attachments in one zip, then the oldest beyond the number kept deleted. */
    public synchronized Backup backUp() throws IOException {
        if (!supported()) {
            throw new DomainRuleViolation("只有嵌入式文件数据库可在此备份；使用PostgreSQL时请用 pg_dump 备份（见部署文档）");
        }
        Files.createDirectories(dir);
        String name = NAME.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")));
        Path target = dir.resolve(name);
        Path database = Files.createTempFile(dir, "database", ".zip");
        Path partial = dir.resolve(name + ".partial");
        try {
            Files.delete(database);
            events.publishEvent(new BackupStarting(clock.instant()));
            // counted before the snapshot: items and the audit log only grow (the audit's archiving runs
            // at 02:10, before the nightly backup), so the backup holds at least these even while people
            // and the demo keep working (counted after, it could claim more)
            long items = jdbc.queryForObject("select count(*) from opinion_item", Long.class);
            long auditEntries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
            jdbc.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
            long files;
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("database.zip"));
                Files.copy(database, zip);
                zip.closeEntry();
                files = copyAttachments(zip);
                boolean anchors = auditAnchors != null && Files.isRegularFile(auditAnchors);
                if (anchors) {
                    zip.putNextEntry(new ZipEntry("audit-anchors.txt"));
                    Files.copy(auditAnchors, zip);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("manifest.properties"));
                Properties manifest = new Properties();
                manifest.setProperty("made-at", clock.instant().toString());
                manifest.setProperty("attachments", String.valueOf(files));
                manifest.setProperty("items", String.valueOf(items));
                manifest.setProperty("audit-entries", String.valueOf(auditEntries));
                manifest.setProperty("audit-anchors", String.valueOf(anchors));
                manifest.store(zip, "yuqing backup");
                zip.closeEntry();
            }
            // a backup that is listed is whole: it takes its name only when complete
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(database);
            Files.deleteIfExists(partial);
        }
        prune();
        Backup made = new Backup(name, size(target), modified(target));
        tx.executeWithoutResult(s -> events.publishEvent(new BackupMade("backup/" + name, Map.of("bytes", made.bytes()))));
        log.info("备份完成：{}（{}字节）", target, made.bytes());
        return made;
    }

    private long copyAttachments(ZipOutputStream zip) throws IOException {
        Path attachments = dataDir.resolve("attachments");
        if (!Files.isDirectory(attachments)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> files = Files.walk(attachments)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList()) {
                zip.putNextEntry(new ZipEntry("attachments/" + attachments.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
                n++;
            }
        }
        return n;
    }

    private void prune() throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(dir.resolve(old.name()));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static java.time.Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}

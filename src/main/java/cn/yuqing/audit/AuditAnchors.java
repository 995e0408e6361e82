package cn.yuqing.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.yuqing.audit.AnchorCheck.Finding;
import cn.yuqing.shared.BackupStarting;

/**
 * The chain's head written outside the database, daily and before every backup, into a file the
 * operator copies away ({@code yuqing.audit.anchor-file}; by default in the data directory, and the
 * backup takes it along). Someone with access to the database can rewrite the whole chain so that it
 * verifies again; they cannot make it lead to an anchored hash at the anchored number.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final AuditTrail trail;
    private final AuditArchive archive;
    private final Path file;
    private final Clock clock;

    AuditAnchors(AuditTrail trail, AuditArchive archive, AuditKeepingSettings settings, Clock clock) {
        this.trail = trail;
        this.archive = archive;
        this.file = settings.anchorFile();
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    /** Appends the head as it is now, synced to the disk before the backup or the day goes on. */
    synchronized Anchor anchor(String reason) {
        ChainPoint head = trail.head();
        Anchor anchor = new Anchor(clock.instant().truncatedTo(ChronoUnit.SECONDS), head.seq(), head.hash(), reason);
        try {
            Files.createDirectories(file.getParent());
            String text = (Files.exists(file) ? "" : Anchor.FILE_HEADER) + anchor.line() + "\n";
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("锚点文件 " + file + " 无法写入", e);
        }
        log.info("已记下操作日志链尾锚点：第{}条 {}（{}）→ {}", anchor.seq(), anchor.hash(), reason, file);
        return anchor;
    }

    /** A backup goes ahead without its anchor rather than not at all; the log says why. */
    @EventListener
    void beforeBackup(BackupStarting backup) {
        try {
            anchor(Anchor.BACKUP);
        } catch (UncheckedIOException e) {
            log.error("备份前未能记下操作日志链尾锚点", e);
        }
    }

    /** The newest anchor in the file; empty before the first. */
    Optional<Anchor> latest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Anchor> anchor = Anchor.parse(lines.get(i));
                if (anchor.isPresent()) {
                    return anchor;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("锚点文件 " + file + " 无法读取", e);
        }
    }

    /** Whether the live chain, as {@code chain} found it, still leads to the anchor's hash at its number. */
    AnchorCheck check(Anchor anchor, ChainVerification chain) {
        ChainPoint boundary = trail.archiveBoundary();
        long seq = anchor.seq();
        if (seq < boundary.seq()) {
            String where = archive.holding(seq).map(a -> "归档文件 " + a.fileName()).orElse("归档文件");
            return new AnchorCheck(anchor, Finding.ARCHIVED, "第" + seq + "条已归档：请用核验命令把" + where + "与锚点文件一起核对");
        }
        Optional<String> hash = seq == boundary.seq() ? Optional.of(boundary.hash()) : trail.entry(seq).map(AuditEntry::hash);
        if (hash.isEmpty()) {
            return new AnchorCheck(anchor, Finding.MISSING, "链中已没有第" + seq + "条记录（链尾为第" + trail.head().seq()
                    + "条）：记录被删除，或数据库被回退到锚点之前的状态");
        }
        if (!chain.intact() && chain.firstBrokenSeq() <= seq) {
            return new AnchorCheck(anchor, Finding.UNCONFIRMED, "操作日志在第" + chain.firstBrokenSeq() + "条处已断开，无法确认第" + seq
                    + "条是否仍与锚点一致");
        }
        return hash.get().equals(anchor.hash())
                ? new AnchorCheck(anchor, Finding.CONFIRMED, "链中第" + seq + "条的哈希与锚点一致")
                : new AnchorCheck(anchor, Finding.REWRITTEN, "链中第" + seq + "条的哈希与锚点不符：锚点记下之后，这一条或更早的记录被改写");
    }
}

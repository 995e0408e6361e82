package cn.yuqing.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * Runs of the chain written as {@link AuditFile}s: a period the audit administrator downloads for an
 * assessor (and the download is itself recorded, with the file's digest), and the archive the
 * retention task writes.
 */
@Service
class AuditExports {

    /** An exported period in a temporary file, which the download deletes as it closes. */
    record Export(String fileName, Path file, AuditTrail.Range range, String digest) {
    }

    private final AuditTrail trail;
    private final AuditKeepingSettings settings;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditExports(AuditTrail trail, AuditKeepingSettings settings, OrganisationDirectory directory,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.trail = trail;
        this.settings = settings;
        this.directory = directory;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The entries of the days {@code from} to {@code to} (Asia/Shanghai), from the first recorded on
     * the first day to the last recorded on the last, for {@code by} to hand over.
     */
    Export period(LocalDate from, LocalDate to, String by) {
        if (to.isBefore(from)) {
            throw new DomainRuleViolation("截止日期不能早于起始日期");
        }
        AuditTrail.Range range = trail.range(from.atStartOfDay(Times.ZONE).toInstant(),
                        to.plusDays(1).atStartOfDay(Times.ZONE).toInstant())
                .orElseThrow(() -> new DomainRuleViolation("这一时段没有操作记录；超过保存期限的记录已归档，见“防篡改校验”页"));
        Path file;
        String digest;
        try {
            file = Files.createTempFile("yuqing-audit-", ".jsonl");
            try {
                digest = write(file, AuditFile.EXPORT, from, to, range, by);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String period = from + "至" + to;
        tx.executeWithoutResult(s -> events.publishEvent(new AuditKept(AuditKept.EXPORTED, "audit-period/" + period,
                Map.of("firstSeq", range.first(), "lastSeq", range.last(), "algorithm", settings.exportDigest(), "digest", digest))));
        return new Export("yuqing-audit-" + from + "_" + to + ".jsonl", file, range, digest);
    }

    /** Writes entries {@code range} of the live table, with the header and the closing digest; returns the digest. */
    String write(Path file, String kind, LocalDate from, LocalDate to, AuditTrail.Range range, String by) throws IOException {
        String algorithm = settings.exportDigest();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            AuditFile.Writer writer = new AuditFile.Writer(out, algorithm);
            writer.header(new AuditFile.Header(kind, installation(), from.toString(), to.toString(), range.first(), range.last(),
                    range.count(), algorithm, clock.instant().truncatedTo(ChronoUnit.SECONDS), by));
            for (AuditEntry e : trail.entries(range.first() - 1, range.last())) {
                writer.entry(e);
            }
            return writer.finish();
        }
    }

    /** Whose record it is: as configured, or the regions at the top of the directory. */
    private String installation() {
        return settings.installation().isEmpty()
                ? directory.rootRegions().stream().map(Region::name).collect(Collectors.joining("、"))
                : settings.installation();
    }
}

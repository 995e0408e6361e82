package cn.yuqing.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.FileStore;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/**
 * Excel/CSV imports (12345 hotline exports and the like): upload, map columns, run in the
 * background with progress, report row by row. A bad row never blocks the good ones; the same file
 * imported twice creates nothing new (rows without an id column are keyed by their content); a job
 * cut short by a restart is resumed, which the idempotency makes safe.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final int CHUNK = 200;

    private final ImportJobRepository jobs;
    private final Sources sources;
    private final ItemIntake intake;
    private final TaskExecutor executor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Path folder;

    Imports(ImportJobRepository jobs, Sources sources, ItemIntake intake,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
            @Value("${yuqing.data-dir}") String dataDir) {
        this.jobs = jobs;
        this.sources = sources;
        this.intake = intake;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.folder = Path.of(dataDir, "imports");
    }

    /** Reads the file enough to refuse it early (format, encoding, size) and keeps it for the run. */
    public ImportJob upload(Long sourceId, DataScope scope, SignedInPerson by, String fileName, byte[] bytes) {
        IntakeSource source = sources.require(sourceId, scope);
        if (source.kind() != SourceKind.IMPORT) {
            throw new DomainRuleViolation("请选择“文件导入”类的来源");
        }
        if (bytes.length == 0) {
            throw new DomainRuleViolation("文件是空的");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new DomainRuleViolation("文件超过20MB，请拆分后导入");
        }
        Table table = Table.read(bytes);
        String stored = UUID.randomUUID() + (table.format().equals("XLSX") ? ".xlsx" : ".csv");
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(stored), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tx.execute(s -> jobs.save(new ImportJob(source.id(), FileStore.displayName(fileName), stored,
                table.format(), table.charset(), table.rows().size(), by.personId(), clock.instant())));
    }

    public ImportJob require(Long jobId, DataScope scope) {
        ImportJob job = jobs.findById(jobId).orElseThrow(() -> new NotFound("导入任务"));
        sources.require(job.sourceId(), scope);
        return job;
    }

    public Table table(ImportJob job) {
        try {
            return Table.read(Files.readAllBytes(folder.resolve(job.storedName())));
        } catch (IOException e) {
            throw new DomainRuleViolation("导入文件已不存在，请重新上传");
        }
    }

    /** The mapping the header suggests, for the form's first display. */
    public static Map<ImportJob.Field, Integer> suggest(List<String> header) {
        Map<ImportJob.Field, Integer> suggestion = new EnumMap<>(ImportJob.Field.class);
        for (ImportJob.Field field : ImportJob.Field.values()) {
            for (int c = 0; c < header.size(); c++) {
                if (!suggestion.containsValue(c) && field.suggestedBy(header.get(c))) {
                    suggestion.put(field, c);
                    break;
                }
            }
        }
        return suggestion;
    }

    public void start(Long jobId, DataScope scope, Map<ImportJob.Field, Integer> columns) {
        ImportJob job = require(jobId, scope);
        int columnCount = table(job).header().size();
        tx.executeWithoutResult(s -> {
            ImportJob fresh = jobs.findById(jobId).orElseThrow();
            fresh.start(columns, columnCount);
            events.publishEvent(IntakeAudited.of("intake:import:start", "import/" + jobId,
                    Map.of("file", fresh.fileName(), "rows", fresh.totalRows(), "source", fresh.sourceId())));
        });
        executor.execute(() -> run(job.id()));
    }

    /** Jobs that a stop cut short are run again; rows already stored come back as duplicates. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (ImportJob job : jobs.findByStatus(ImportJob.Status.RUNNING)) {
            log.info("resuming import {} ({})", job.id(), job.fileName());
            executor.execute(() -> run(job.id()));
        }
    }

    void run(Long jobId) {
        ImportJob job = jobs.findById(jobId).orElseThrow();
        IntakeSource source = sources.active(SourceKind.IMPORT).stream().filter(s -> s.id().equals(job.sourceId()))
                .findFirst().orElse(null);
        try {
            if (source == null) {
                throw new DomainRuleViolation("导入来源已停用");
            }
            Table table = table(job);
            Map<ImportJob.Field, Integer> columns = job.columns();
            int created = 0;
            int duplicates = 0;
            int rejected = 0;
            for (int start = 0; start < table.rows().size(); start += CHUNK) {
                List<List<String>> chunk = table.rows().subList(start, Math.min(table.rows().size(), start + CHUNK));
                List<ItemSubmission> submissions = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                StringBuilder report = new StringBuilder();
                for (int r = 0; r < chunk.size(); r++) {
                    int line = start + r + 2; // the header is line 1
                    try {
                        submissions.add(toSubmission(table, chunk.get(r), columns, source.channelId()));
                        lines.add(line);
                    } catch (DomainRuleViolation e) {
                        rejected++;
                        report.append("第").append(line).append("行：").append(e.describe()).append('\n');
                    }
                }
                for (IntakeResult result : intake.receive(submissions, Provenance.source(source))) {
                    switch (result.status()) {
                        case CREATED -> created++;
                        case DUPLICATE -> duplicates++;
                        case REJECTED -> {
                            rejected++;
                            report.append("第").append(lines.get(result.index())).append("行：").append(result.reason())
                                    .append('\n');
                        }
                    }
                }
                int processed = start + chunk.size();
                int c = created, d = duplicates, x = rejected;
                tx.executeWithoutResult(s -> jobs.findById(jobId).orElseThrow().progress(processed, c, d, x,
                        report.toString()));
            }
            int total = created;
            tx.executeWithoutResult(s -> jobs.findById(jobId).orElseThrow().finish(clock.instant()));
            sources.delivered(source.id(), total);
        } catch (RuntimeException e) {
            log.warn("import {} failed", jobId, e);
            String reason = e instanceof DomainRuleViolation v ? v.describe() : "导入中断：" + e.getClass().getSimpleName();
            tx.executeWithoutResult(s -> jobs.findById(jobId).orElseThrow().fail(reason, clock.instant()));
            if (source != null) {
                sources.failed(source.id(), reason);
            }
        }
    }

    private static ItemSubmission toSubmission(Table table, List<String> row, Map<ImportJob.Field, Integer> columns,
            Long channelId) {
        String externalId = table.cell(row, columns.get(ImportJob.Field.EXTERNAL_ID));
        if (externalId == null || externalId.isBlank()) {
            // no id column: the row's content is its identity, so a re-import finds it again
            externalId = "row:" + UrlKeys.sha256(String.join("\u001f", row));
        }
        return ItemSubmission.of(channelId, externalId, table.cell(row, columns.get(ImportJob.Field.URL)),
                table.cell(row, columns.get(ImportJob.Field.TITLE)), table.cell(row, columns.get(ImportJob.Field.TEXT)),
                table.cell(row, columns.get(ImportJob.Field.AUTHOR)),
                TimeParsing.parse(table.cell(row, columns.get(ImportJob.Field.PUBLISHED_AT))))
                .withContact(table.cell(row, columns.get(ImportJob.Field.CONTACT)));
    }
}

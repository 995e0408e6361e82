package cn.yuqing.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;

/** One uploaded Excel or CSV file on its way in: mapping, progress, and the row-by-row report. */
@Entity
public class ImportJob {

    public enum Status { MAPPING, RUNNING, DONE, FAILED }

    /** The item fields a column can be mapped to, with the header words that suggest them. */
    public enum Field {
        EXTERNAL_ID("编号", "工单编号", "工单号", "编号", "序号", "id"),
        TITLE("标题", "标题", "主题", "诉求标题", "事项"),
        TEXT("正文（必填）", "内容", "诉求内容", "正文", "来电内容", "反映内容", "问题描述", "描述"),
        AUTHOR("反映人", "来电人", "反映人", "姓名", "作者", "联系人"),
        PUBLISHED_AT("时间", "受理时间", "来电时间", "时间", "日期", "发布时间", "登记时间"),
        URL("网址", "网址", "链接", "url"),
        /** The way back to the citizen (a hotline caller's phone): personal data, encrypted at rest, masked where shown. */
        CONTACT("联系方式", "联系电话", "来电号码", "电话", "手机", "联系方式", "邮箱", "电子邮件");

        private final String label;
        private final String[] hints;

        Field(String label, String... hints) {
            this.label = label;
            this.hints = hints;
        }

        public String label() {
            return label;
        }

        boolean suggestedBy(String header) {
            String h = header.strip().toLowerCase();
            for (String hint : hints) {
                if (h.equals(hint) || (hint.length() > 1 && h.contains(hint))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long sourceId;

    private String fileName;

    private String storedName;

    private String format;

    private String charset;

    private String mapping;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private int totalRows;
    private int processedRows;
    private int createdCount;
    private int duplicateCount;
    private int rejectedCount;

    private String report;

    private Long startedBy;

    private Instant createdAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected ImportJob() {
    }

    ImportJob(Long sourceId, String fileName, String storedName, String format, String charset, int totalRows, Long startedBy,
            Instant createdAt) {
        this.sourceId = sourceId;
        this.fileName = fileName;
        this.storedName = storedName;
        this.format = format;
        this.charset = charset;
        this.totalRows = totalRows;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.status = Status.MAPPING;
    }

    void start(Map<Field, Integer> columns, int columnCount) {
        if (status != Status.MAPPING) {
            throw new DomainRuleViolation("该导入已开始，不能再次设置对应关系");
        }
        Integer text = columns.get(Field.TEXT);
        if (text == null) {
            throw new DomainRuleViolation("请指定“正文”对应的列");
        }
        for (Integer c : columns.values()) {
            if (c < 0 || c >= columnCount) {
                throw new DomainRuleViolation("列的序号不正确");
            }
        }
        StringBuilder sb = new StringBuilder();
        columns.forEach((f, c) -> sb.append(f.name()).append('=').append(c).append(';'));
        this.mapping = sb.toString();
        this.status = Status.RUNNING;
    }

    Map<Field, Integer> columns() {
        Map<Field, Integer> columns = new LinkedHashMap<>();
        if (mapping != null) {
            for (String pair : mapping.split(";")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=");
                    columns.put(Field.valueOf(kv[0]), Integer.parseInt(kv[1]));
                }
            }
        }
        return columns;
    }

    void progress(int processed, int created, int duplicates, int rejected, String moreReport) {
        this.processedRows = processed;
        this.createdCount = created;
        this.duplicateCount = duplicates;
        this.rejectedCount = rejected;
        if (moreReport != null && !moreReport.isEmpty()) {
            String combined = (report == null ? "" : report) + moreReport;
            // the first thousand errors are enough to act on
            this.report = combined.lines().limit(1000).reduce("", (a, b) -> a + b + "\n");
        }
    }

    void finish(Instant at) {
        status = Status.DONE;
        finishedAt = at;
    }

    void fail(String reason, Instant at) {
        status = Status.FAILED;
        report = (report == null ? "" : report) + reason + "\n";
        finishedAt = at;
    }

    public Long id() { return id; }
    public Long sourceId() { return sourceId; }
    public String fileName() { return fileName; }
    String storedName() { return storedName; }
    public String format() { return format; }
    public String charset() { return charset; }
    public Status status() { return status; }
    public int totalRows() { return totalRows; }
    public int processedRows() { return processedRows; }
    public int createdCount() { return createdCount; }
    public int duplicateCount() { return duplicateCount; }
    public int rejectedCount() { return rejectedCount; }
    public Long startedBy() { return startedBy; }
    public java.util.List<String> reportLines() { return report == null ? java.util.List.of() : report.lines().toList(); }
    public int percent() { return totalRows == 0 ? 100 : processedRows * 100 / totalRows; }
    public boolean finished() { return status == Status.DONE || status == Status.FAILED; }
}

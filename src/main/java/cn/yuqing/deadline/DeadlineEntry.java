package cn.yuqing.deadline;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** One line of a clock's history; written once, never updated. */
@Entity
public class DeadlineEntry {

    public enum Kind {
        STARTED("开始计时"), REMINDED("提醒"), SKIPPED("提醒已合并"), MISSED("超时"), ESCALATED("督办"), MET("完成"),
        KEPT("保留原时限"), SUPERSEDED("被取代"), STOPPED("停止");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A reminder sent or skipped: it changes nothing of the clock. */
        public boolean isReminder() {
            return this == REMINDED || this == SKIPPED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long deadlineId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Instant at;

    private String detail;

    private Long lateByMinutes;

    protected DeadlineEntry() {
    }

    DeadlineEntry(Long deadlineId, Kind kind, Instant at, String detail, Long lateByMinutes) {
        this.deadlineId = deadlineId;
        this.kind = kind;
        this.at = at;
        this.detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.lateByMinutes = lateByMinutes;
    }

    public Long id() { return id; }
    public Long deadlineId() { return deadlineId; }
    public Kind kind() { return kind; }
    public Instant at() { return at; }
    public String atText() { return Times.format(at); }
    public String detail() { return detail; }
    public Long lateByMinutes() { return lateByMinutes; }
}

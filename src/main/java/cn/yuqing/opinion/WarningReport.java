package cn.yuqing.opinion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** 4.2: a report of an event to a leader (warning signs) or to the superior authority (hot, major); sent and read. */
@Entity
public class WarningReport {

    public enum Kind {
        LEADER("报本单位负责人"), SUPERIOR("报上一级主管部门");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Long recipientId;

    private Instant sentAt;

    private Instant readAt;

    protected WarningReport() {
    }

    WarningReport(Long eventId, Kind kind, Long recipientId, Instant sentAt) {
        this.eventId = eventId;
        this.kind = kind;
        this.recipientId = recipientId;
        this.sentAt = sentAt;
    }

    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public Kind kind() { return kind; }
    public Long recipientId() { return recipientId; }
    public Instant sentAt() { return sentAt; }
    public Instant readAt() { return readAt; }
    public String sentAtText() { return Times.format(sentAt); }
    public String readAtText() { return Times.format(readAt); }
}

package cn.yuqing.intake;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** 4.1 收集记录: one look at one channel by one monitor, with what was found, or "nothing found". */
@Entity
public class PatrolRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long channelId;

    private Long monitorId;

    private String monitorName;

    private Instant patrolledAt;

    private LocalDate workingDay;

    private boolean nothingFound;

    private String note;

    protected PatrolRecord() {
    }

    PatrolRecord(Long channelId, Long monitorId, String monitorName, Instant at, boolean nothingFound, String note) {
        this.channelId = channelId;
        this.monitorId = monitorId;
        this.monitorName = monitorName;
        this.patrolledAt = at;
        this.workingDay = at.atZone(Times.ZONE).toLocalDate();
        this.nothingFound = nothingFound;
        this.note = note == null || note.isBlank() ? null : note.strip().length() > 1000 ? note.strip().substring(0, 1000)
                : note.strip();
    }

    public Long id() { return id; }
    public Long channelId() { return channelId; }
    public Long monitorId() { return monitorId; }
    public String monitorName() { return monitorName; }
    public Instant patrolledAt() { return patrolledAt; }
    public LocalDate workingDay() { return workingDay; }
    public boolean nothingFound() { return nothingFound; }
    public String note() { return note; }
    public String patrolledAtText() { return Times.format(patrolledAt); }
}

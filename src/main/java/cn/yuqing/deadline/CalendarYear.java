package cn.yuqing.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** A year whose official holiday schedule has been entered, and from which notice. */
@Entity
public class CalendarYear {

    @Id
    @Column(name = "year_no")
    private int year;

    private String source;

    private String enteredBy;

    private Instant enteredAt;

    protected CalendarYear() {
    }

    CalendarYear(int year, String source, String enteredBy, Instant enteredAt) {
        this.year = year;
        this.source = source;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    public int year() { return year; }
    public String source() { return source; }
    public String enteredBy() { return enteredBy; }
    public String enteredAtText() { return Times.format(enteredAt); }
}

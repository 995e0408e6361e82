package cn.yuqing.deadline;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A public holiday on a weekday, or a 调休 make-up working day on a weekend. */
@Entity
public class CalendarDay {

    @Id
    @Column(name = "on_day")
    private LocalDate day;

    private boolean working;

    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, boolean working, String name) {
        this.day = day;
        this.working = working;
        this.name = name;
    }

    public LocalDate day() { return day; }
    public boolean working() { return working; }
    public String name() { return name; }
    public String kindLabel() { return working ? "调休上班" : "放假"; }
}

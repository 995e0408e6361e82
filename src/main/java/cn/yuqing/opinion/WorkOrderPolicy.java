package cn.yuqing.opinion;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;
import cn.yuqing.shared.WorkingHours;

/**
 * The work-order clocks as data, one row for the installation, set by the government office: how
 * soon an order must be signed for (major events in minutes, others in working hours), by when it
 * must be done, how long the office has to arbitrate a 退单, how long a reopened case has, and how
 * long after a 催办通知书 a 督办单 follows. None of them touches the standard's own clocks of 4.4.
 */
@Entity
public class WorkOrderPolicy {

    /** An order's clocks, computed when it is sent; the reminder half-way to signing for, in the same time. */
    record Clocks(Instant remindAt, Instant signForDue, Instant dueAt) {
    }

    static final long ONLY = 1L;

    @Id
    private Long id = ONLY;

    private int signForMajorMinutes = 30;

    private int signForWorkingHours = 2;

    private int dueMajorHours = 24;

    private int dueWorkingDays = 5;

    private int arbitrationWorkingHours = 2;

    private int redoWorkingDays = 3;

    private int superviseAfterWorkingDays = 1;

    private String changedBy;

    private Instant changedAt;

    @Version
    private long version;

    protected WorkOrderPolicy() {
    }

    static WorkOrderPolicy defaults() {
        return new WorkOrderPolicy();
    }

    void change(int signForMajorMinutes, int signForWorkingHours, int dueMajorHours, int dueWorkingDays,
            int arbitrationWorkingHours, int redoWorkingDays, int superviseAfterWorkingDays, String by, Instant at) {
        if (signForMajorMinutes < 5 || signForMajorMinutes > 24 * 60 || signForWorkingHours < 1 || signForWorkingHours > 80
                || dueMajorHours < 1 || dueMajorHours > 24 * 30 || dueWorkingDays < 1 || dueWorkingDays > 60
                || arbitrationWorkingHours < 1 || arbitrationWorkingHours > 80 || redoWorkingDays < 1 || redoWorkingDays > 60
                || superviseAfterWorkingDays < 1 || superviseAfterWorkingDays > 30) {
            throw new DomainRuleViolation("签收5分钟至24小时（重大）或1至80个工作小时；办理1至720小时（重大）或1至60个工作日；"
                    + "仲裁1至80个工作小时；重办1至60个工作日；督办在催办后1至30个工作日");
        }
        this.signForMajorMinutes = signForMajorMinutes;
        this.signForWorkingHours = signForWorkingHours;
        this.dueMajorHours = dueMajorHours;
        this.dueWorkingDays = dueWorkingDays;
        this.arbitrationWorkingHours = arbitrationWorkingHours;
        this.redoWorkingDays = redoWorkingDays;
        this.superviseAfterWorkingDays = superviseAfterWorkingDays;
        this.changedBy = by;
        this.changedAt = at;
    }

    Clocks clocksFor(boolean major, Instant sentAt, WorkingHours hours) {
        return new Clocks(remindAt(major, sentAt, hours), signForDue(major, sentAt, hours),
                major ? sentAt.plus(Duration.ofHours(dueMajorHours)) : hours.addWorkingDays(sentAt, dueWorkingDays));
    }

    Instant signForDue(boolean major, Instant from, WorkingHours hours) {
        return major ? from.plus(Duration.ofMinutes(signForMajorMinutes)) : hours.addWorkingHours(from, signForWorkingHours);
    }

    /** Half-way to the sign-for time, counted as it is: a Friday-evening order is reminded on Monday morning, not at night. */
    Instant remindAt(boolean major, Instant from, WorkingHours hours) {
        return major ? from.plus(Duration.ofMinutes(signForMajorMinutes).dividedBy(2))
                : hours.addWorkingMinutes(from, signForWorkingHours * 30L);
    }

    Instant arbitrationDue(Instant from, WorkingHours hours) {
        return hours.addWorkingHours(from, arbitrationWorkingHours);
    }

    Instant redoDue(Instant from, WorkingHours hours) {
        return hours.addWorkingDays(from, redoWorkingDays);
    }

    Instant superviseAt(Instant from, WorkingHours hours) {
        return hours.addWorkingDays(from, superviseAfterWorkingDays);
    }

    /** The policy in a sentence, for the pages that show the clocks. */
    public String describe() {
        return "签收：重大及以上" + signForMajorMinutes + "分钟内，其他" + signForWorkingHours + "个工作小时内；办结：重大及以上"
                + dueMajorHours + "小时内，其他" + dueWorkingDays + "个工作日内；退单仲裁" + arbitrationWorkingHours + "个工作小时内；重办"
                + redoWorkingDays + "个工作日内；超期即拟催办通知书，再过" + superviseAfterWorkingDays + "个工作日拟督办单";
    }

    public int signForMajorMinutes() { return signForMajorMinutes; }
    public int signForWorkingHours() { return signForWorkingHours; }
    public int dueMajorHours() { return dueMajorHours; }
    public int dueWorkingDays() { return dueWorkingDays; }
    public int arbitrationWorkingHours() { return arbitrationWorkingHours; }
    public int redoWorkingDays() { return redoWorkingDays; }
    public int superviseAfterWorkingDays() { return superviseAfterWorkingDays; }
    public String changedBy() { return changedBy; }
    public String changedAtText() { return Times.format(changedAt); }
    public long version() { return version; }
}

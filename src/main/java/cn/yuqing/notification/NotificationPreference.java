package cn.yuqing.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;

/** How one person wants to be reached: e-mail on or off, and quiet hours (urgent notices ignore them). */
@Entity
public class NotificationPreference {

    @Id
    private Long personId;

    private boolean emailEnabled = true;

    private LocalTime quietFrom;

    private LocalTime quietUntil;

    @Version
    private long version;

    protected NotificationPreference() {
    }

    NotificationPreference(Long personId) {
        this.personId = personId;
    }

    void change(boolean email, LocalTime from, LocalTime until) {
        if ((from == null) != (until == null)) {
            throw new DomainRuleViolation("免打扰时段须同时填写开始和结束时间，或都不填");
        }
        if (from != null && from.equals(until)) {
            throw new DomainRuleViolation("免打扰时段的开始和结束时间不能相同");
        }
        this.emailEnabled = email;
        this.quietFrom = from;
        this.quietUntil = until;
    }

    /** When a non-urgent message may go out: now, or the end of the quiet hours (which may cross midnight). */
    Instant releaseAt(Instant now, ZoneId zone) {
        if (quietFrom == null) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean crossesMidnight = quietFrom.isAfter(quietUntil);
        boolean quiet = crossesMidnight ? !t.isBefore(quietFrom) || t.isBefore(quietUntil)
                : !t.isBefore(quietFrom) && t.isBefore(quietUntil);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietUntil);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    public Long personId() { return personId; }
    public boolean emailEnabled() { return emailEnabled; }
    public LocalTime quietFrom() { return quietFrom; }
    public LocalTime quietUntil() { return quietUntil; }
    public long version() { return version; }
}

package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.WorkingCalendar;
import cn.yuqing.shared.WorkingHours;

/**
 * Adds an allowance to a start time in calendar or working time. A working day counts from the day
 * after the start and ends at midnight (“3个工作日内” from a Friday ends on Wednesday night); working
 * hours count only office hours of working days.
 */
final class WorkingTime implements WorkingHours {

    /** A clock longer than ten years is a typing error, not a policy. */
    private static final int MAX_DAYS = 3660;

    record OfficeHours(LocalTime from, LocalTime to) {
    }

    private final WorkingCalendar calendar;
    private final List<OfficeHours> officeHours;
    private final ZoneId zone;

    WorkingTime(WorkingCalendar calendar, List<OfficeHours> officeHours, ZoneId zone) {
        this.calendar = calendar;
        this.officeHours = List.copyOf(officeHours);
        this.zone = zone;
    }

    /** “08:30-12:00,14:30-17:30” */
    static List<OfficeHours> parseOfficeHours(String text) {
        List<OfficeHours> hours = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("办公时间格式应为 08:30-12:00,14:30-17:30：" + text);
            }
            LocalTime from = LocalTime.parse(ends[0].strip());
            LocalTime to = LocalTime.parse(ends[1].strip());
            if (!from.isBefore(to) || (!hours.isEmpty() && from.isBefore(hours.get(hours.size() - 1).to()))) {
                throw new IllegalArgumentException("办公时间须按先后顺序且不重叠：" + text);
            }
            hours.add(new OfficeHours(from, to));
        }
        return hours;
    }

    @Override
    public Instant addWorkingHours(Instant start, int hours) {
        return add(start, hours, Counting.WORKING_HOURS);
    }

    @Override
    public Instant addWorkingMinutes(Instant start, long minutes) {
        return addOfficeMinutes(start, minutes);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        return add(start, days, Counting.WORKING_DAYS);
    }

    Instant add(Instant start, int amount, Counting counting) {
        return switch (counting) {
            case HOURS -> start.plus(Duration.ofHours(amount));
            case DAYS -> start.atZone(zone).plusDays(amount).toInstant();
            case WORKING_DAYS -> endOfWorkingDay(start, amount);
            case WORKING_HOURS -> addOfficeMinutes(start, amount * 60L);
        };
    }

    private Instant endOfWorkingDay(Instant start, int amount) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int counted = 0;
        for (int i = 0; counted < amount; i++) {
            guard(i);
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private Instant addOfficeMinutes(Instant start, long minutes) {
        long remaining = minutes;
        ZonedDateTime cursor = start.atZone(zone);
        for (int i = 0; ; i++) {
            guard(i);
            LocalDate day = cursor.toLocalDate();
            if (calendar.isWorkingDay(day)) {
                for (OfficeHours h : officeHours) {
                    ZonedDateTime from = day.atTime(h.from()).atZone(zone);
                    ZonedDateTime to = day.atTime(h.to()).atZone(zone);
                    ZonedDateTime begin = cursor.isAfter(from) ? cursor : from;
                    if (begin.isBefore(to)) {
                        long available = Duration.between(begin, to).toMinutes();
                        if (remaining <= available) {
                            return begin.plusMinutes(remaining).toInstant();
                        }
                        remaining -= available;
                    }
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
    }

    private static void guard(int days) {
        if (days > MAX_DAYS) {
            throw new DomainRuleViolation("4.4", "时限超过十年，或工作日历中没有工作日，请检查时限规则和工作日历");
        }
    }
}

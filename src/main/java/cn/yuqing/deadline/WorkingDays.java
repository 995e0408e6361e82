package cn.yuqing.deadline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.WorkingCalendar;

/**
 * The working-day calendar: Monday to Friday, except the public holidays and 调休 make-up working
 * days an administrator enters, one year at a time, from the State Council's notice. Every rule that
 * counts working days (clocks, patrols) asks this. Read often, changed a few times a year: cached,
 * and re-read every few minutes so that an edit on one node reaches the others.
 */
@Service
@Transactional(readOnly = true)
public class WorkingDays implements WorkingCalendar {

    private static final Duration REFRESH = Duration.ofMinutes(5);

    public record Schedule(int year, CalendarYear entered, List<CalendarDay> days) {
    }

    record YearEntered(int year, int days, String source) implements AuditedChange {
        @Override
        public String action() {
            return "deadline:calendar:update";
        }

        @Override
        public String subject() {
            return "calendar/" + year;
        }

        @Override
        public Map<String, ?> after() {
            return Map.of("days", days, "source", source);
        }
    }

    private final CalendarDayRepository days;
    private final CalendarYearRepository years;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Map<LocalDate, Boolean> exceptions;
    private volatile Instant loadedAt = Instant.MIN;

    WorkingDays(CalendarDayRepository days, CalendarYearRepository years, ApplicationEventPublisher events, Clock clock) {
        this.days = days;
        this.years = years;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions().get(day);
        if (exception != null) {
            return exception;
        }
        return WorkingCalendar.WEEKDAYS.isWorkingDay(day);
    }

    private Map<LocalDate, Boolean> exceptions() {
        Instant now = Instant.now();
        if (exceptions == null || loadedAt.plus(REFRESH).isBefore(now)) {
            Map<LocalDate, Boolean> loaded = new HashMap<>();
            for (CalendarDay d : days.findAll()) {
                loaded.put(d.day(), d.working());
            }
            exceptions = loaded;
            loadedAt = now;
        }
        return exceptions;
    }

    public Schedule schedule(int year) {
        return new Schedule(year, years.findById(year).orElse(null),
                days.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    public boolean entered(int year) {
        return years.existsById(year);
    }

    /**
     * An official schedule the project carries (from the State Council's notice, public fact), to
     * pre-fill the form; its first comment line names the notice.
     */
    public Optional<String> bundled(int year) {
        ClassPathResource resource = new ClassPathResource("deadline/holidays-" + year + ".txt");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sourceOf(String bundled) {
        return bundled.lines().findFirst().map(l -> l.replaceFirst("^#\\s*", "")).orElse("");
    }

    /** Enters a carried official schedule unless the year was entered already (demo data, first start). */
    @Transactional
    public void enterBundledIfAbsent(int year, String by) {
        if (!entered(year)) {
            bundled(year).ifPresent(text -> enter(year, text, sourceOf(text), by));
        }
    }

    /**
     * Replaces a year's schedule with the lines given, one day per line: “2026-10-01 放假 国庆节” or
     * “2026-10-10 上班 国庆节调休”. All lines are checked before anything is stored.
     */
    @Transactional
    public Schedule enter(int year, String lines, String source, String by) {
        if (year < 2000 || year > 2100) {
            throw new DomainRuleViolation("年份无效：" + year);
        }
        if (source == null || source.isBlank()) {
            throw new DomainRuleViolation("请写明依据（如国务院办公厅关于放假安排的通知文号）");
        }
        List<CalendarDay> parsed = parse(year, lines == null ? "" : lines);
        days.deleteBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        days.flush();
        days.saveAll(parsed);
        years.save(new CalendarYear(year, source.strip().length() > 300 ? source.strip().substring(0, 300) : source.strip(),
                by, clock.instant()));
        events.publishEvent(new YearEntered(year, parsed.size(), source.strip()));
        exceptions = null;
        return schedule(year);
    }

    static List<CalendarDay> parse(int year, String lines) {
        List<CalendarDay> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        String[] rows = lines.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] parts = row.split("[\\s,，]+", 3);
            int line = i + 1;
            if (parts.length < 2) {
                errors.add("第" + line + "行：应为“日期 放假/上班 名称”");
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(parts[0]);
            } catch (DateTimeParseException e) {
                errors.add("第" + line + "行：日期应写作 2026-10-01");
                continue;
            }
            if (day.getYear() != year) {
                errors.add("第" + line + "行：" + day + " 不属于" + year + "年");
                continue;
            }
            Boolean working = switch (parts[1]) {
                case "放假", "休", "休息" -> false;
                case "上班", "班", "调休上班" -> true;
                default -> null;
            };
            if (working == null) {
                errors.add("第" + line + "行：第二项应为“放假”或“上班”");
                continue;
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (working && !weekend) {
                errors.add("第" + line + "行：" + day + " 本是工作日，无须登记为调休上班");
                continue;
            }
            Integer earlier = seen.put(day, line);
            if (earlier != null) {
                errors.add("第" + line + "行：" + day + " 与第" + earlier + "行重复");
                continue;
            }
            String name = parts.length > 2 ? parts[2].strip() : working ? "调休上班" : "节假日";
            parsed.add(new CalendarDay(day, working, name.length() > 40 ? name.substring(0, 40) : name));
        }
        if (!errors.isEmpty()) {
            throw new DomainRuleViolation("工作日历未保存，请改正：" + String.join("；", errors.subList(0, Math.min(errors.size(), 20)))
                    + (errors.size() > 20 ? "；等共" + errors.size() + "处" : ""));
        }
        return parsed;
    }
}

package cn.yuqing.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/** The time formats exports and crawlers use; local times are Beijing time. */
final class TimeParsing {

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy-M-d H:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm"), DateTimeFormatter.ofPattern("yyyy年M月d日H时m分"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private TimeParsing() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with offset: try local forms
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).atZone(Times.ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f).atStartOfDay(Times.ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        throw new DomainRuleViolation("无法识别的时间格式：" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
                + "（例：2027-07-12 06:10）");
    }
}

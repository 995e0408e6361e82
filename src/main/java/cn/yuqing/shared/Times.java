package cn.yuqing.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Time as the county reads it: Asia/Shanghai, {@code 2027-07-12 06:10}, durations in Chinese units. */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private Times() {
    }

    /** A timestamp as JDBC drivers return it (H2: OffsetDateTime, PostgreSQL: Timestamp or OffsetDateTime). */
    public static Instant instant(Object jdbcValue) {
        if (jdbcValue == null) {
            return null;
        }
        if (jdbcValue instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (jdbcValue instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (jdbcValue instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + jdbcValue.getClass());
    }

    public static String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** A time as a {@code datetime-local} field sends it ({@code 2027-07-12T06:10}), read in the county's zone; empty if it is not one. */
    public static java.util.Optional<Instant> parseLocal(String text) {
        try {
            return java.util.Optional.of(java.time.LocalDateTime.parse(text == null ? "" : text.strip()).atZone(ZONE).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** “3天2小时” / “3小时12分” / “25分钟”; the two largest units are enough to act on. */
    public static String describe(Duration duration) {
        long minutes = Math.abs(duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "天" + (hours > 0 ? hours + "小时" : "");
        }
        if (hours > 0) {
            return hours + "小时" + (mins > 0 ? mins + "分" : "");
        }
        return mins + "分钟";
    }
}

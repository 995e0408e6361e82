package cn.yuqing.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.yuqing.shared.DomainRuleViolation;

/** A period of assessment: a month ({@code 2026-10}) or a quarter ({@code 2026-Q4}), from its first day to the next period's. */
public record Period(String code, LocalDate from, LocalDate toExclusive) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period parse(String code) {
        String text = code == null ? "" : code.strip().toUpperCase();
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            LocalDate from = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
            return new Period(text, from, from.plusMonths(3));
        }
        try {
            YearMonth month = YearMonth.parse(text);
            return new Period(text, month.atDay(1), month.plusMonths(1).atDay(1));
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("4.6", "考核期应为某月（如 2026-10）或某季度（如 2026-Q4）");
        }
    }

    public static Period monthOf(LocalDate day) {
        return parse(YearMonth.from(day).toString());
    }

    public boolean quarter() {
        return code.contains("Q");
    }

    public String label() {
        return quarter() ? from.getYear() + "年第" + code.charAt(code.length() - 1) + "季度"
                : from.getYear() + "年" + from.getMonthValue() + "月";
    }

    public Period previous() {
        return quarter() ? parse(from.minusMonths(3).getYear() + "-Q" + ((from.minusMonths(3).getMonthValue() - 1) / 3 + 1))
                : monthOf(from.minusMonths(1));
    }
}

package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * One clock of a policy: how long, counted how, when to remind (percentages of the time allowed
 * and lead times, such as half, four fifths and 30 minutes before), and whom to tell once missed
 * (“0:DEPARTMENT_HEAD,1h:GOVERNMENT_OFFICE”: at once, then an hour later).
 */
@Entity
public class ClockRule {

    public record Escalation(Duration after, EscalationLevel level) {
        public String text() {
            return (after.isZero() ? "超时即" : "超时" + Times.describe(after) + "后") + "告知" + level.label();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long policyId;

    @Enumerated(EnumType.STRING)
    private ClockKind clock;

    private int amount;

    @Enumerated(EnumType.STRING)
    private Counting unit;

    private String reminders;

    private String escalation;

    protected ClockRule() {
    }

    ClockRule(Long policyId, ClockKind clock, int amount, Counting unit, String reminders, String escalation) {
        this.policyId = policyId;
        this.clock = clock;
        change(amount, unit, reminders, escalation);
    }

    /** Validates everything before changing anything, so a bad edit leaves the rule as it was. */
    void change(int amount, Counting unit, String reminders, String escalation) {
        if (amount <= 0 || amount > 10_000) {
            throw new DomainRuleViolation("4.4", "时限须为1到10000之间的整数");
        }
        if (unit == null) {
            throw new DomainRuleViolation("4.4", "请选择计时方式");
        }
        String r = reminders == null ? "" : reminders.strip();
        String e = escalation == null ? "" : escalation.strip();
        parseReminders(r);
        List<Escalation> steps = parseEscalation(e);
        this.amount = amount;
        this.unit = unit;
        this.reminders = r;
        // stored by the levels' names, whatever words the person used
        this.escalation = String.join(",", steps.stream().map(s -> written(s.after()) + ":" + s.level().name()).toList());
    }

    /** The reminder times of a clock that runs from start to due, in order, each strictly inside. */
    List<Instant> reminderTimes(Instant start, Instant due) {
        long allowed = Duration.between(start, due).toSeconds();
        List<Instant> times = new ArrayList<>();
        for (Object point : parseReminders(reminders)) {
            Instant at = point instanceof Integer percent ? start.plusSeconds(allowed * percent / 100)
                    : due.minus((Duration) point);
            if (at.isAfter(start) && at.isBefore(due) && !times.contains(at)) {
                times.add(at);
            }
        }
        times.sort(null);
        return times;
    }

    List<Escalation> escalations() {
        return parseEscalation(escalation);
    }

    private static List<Object> parseReminders(String text) {
        List<Object> points = new ArrayList<>();
        for (String part : parts(text)) {
            if (part.endsWith("%")) {
                int percent = number(part.substring(0, part.length() - 1), "提醒点");
                if (percent <= 0 || percent >= 100) {
                    throw new DomainRuleViolation("4.4", "提醒百分比须在1%到99%之间：" + part);
                }
                points.add(percent);
            } else {
                points.add(duration(part, "提醒点"));
            }
        }
        return points;
    }

    private static List<Escalation> parseEscalation(String text) {
        List<Escalation> steps = new ArrayList<>();
        for (String part : parts(text)) {
            int colon = part.replace('：', ':').indexOf(':');
            if (colon < 0) {
                throw new DomainRuleViolation("4.4", "督办步骤格式应为“超时多久:对象”，如 1h:政府办公室：" + part);
            }
            EscalationLevel level = EscalationLevel.read(part.substring(colon + 1)).orElseThrow(() -> new DomainRuleViolation(
                    "4.4", "未知的督办对象：" + part.substring(colon + 1).strip() + "（可写：" + String.join("、",
                            java.util.Arrays.stream(EscalationLevel.values()).map(EscalationLevel::label).toList()) + "）"));
            Duration after = duration(part.substring(0, colon).strip(), "督办步骤");
            if (!steps.isEmpty() && after.compareTo(steps.get(steps.size() - 1).after()) < 0) {
                throw new DomainRuleViolation("4.4", "督办步骤须按时间先后排列：" + text);
            }
            steps.add(new Escalation(after, level));
        }
        return steps;
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.replace('，', ',').split(",")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** “0”, “30m”, “2h”, “1d”. */
    private static Duration duration(String text, String what) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.length() < 2) {
            throw new DomainRuleViolation("4.4", what + "格式应为 30m、2h 或 1d：" + text);
        }
        int n = number(text.substring(0, text.length() - 1), what);
        return switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new DomainRuleViolation("4.4", what + "格式应为 30m、2h 或 1d：" + text);
        };
    }

    private static int number(String text, String what) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0 || n > 100_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DomainRuleViolation("4.4", what + "中的数字无效：" + text);
        }
    }

    /** “5小时” / “3个工作日”. */
    public String allowed() {
        return amount + unit.label();
    }

    public Long id() { return id; }
    public Long policyId() { return policyId; }
    public ClockKind clock() { return clock; }
    public int amount() { return amount; }
    public Counting unit() { return unit; }
    public String reminders() { return reminders; }
    public String escalation() { return escalation; }
    /** The escalation as a person writes it: “0:责任单位负责人,1h:政府办公室”. */
    public String escalationWritten() {
        return String.join(",", escalations().stream().map(s -> written(s.after()) + ":" + s.level().label()).toList());
    }

    private static String written(Duration d) {
        long minutes = d.toMinutes();
        return minutes == 0 ? "0" : minutes % 1440 == 0 ? minutes / 1440 + "d" : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    public List<String> escalationText() { return escalations().stream().map(Escalation::text).toList(); }
}

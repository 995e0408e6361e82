package cn.yuqing.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.yuqing.analysis.Volume;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.opinion.Conclusion;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.response.Release;

/**
 * How good was the response: the six dimensions of 人民网舆情监测室's response index (政府响应,
 * 信息透明度, 政府公信力 ±10; 恢复秩序 ±5; 动态反应, 官员问责 ±3), each computed from the record by
 * a rule the page states, with the record it came from. A dimension the record cannot yet tell
 * (no release, too few items, not yet 72 hours) says so and counts nothing: the total is of what
 * could be computed, and the band (蓝 ≥ 20, 黄 15–19.99, 橙 10–14.99, 红 < 10) says how many were.
 */
public record ResponseIndex(List<Dimension> dimensions) {

    /** {@code score} null: the record cannot tell yet, {@code basis} says why. */
    public record Dimension(String name, int limit, Double score, String basis, String rule) {

        public String scoreText() {
            return score == null ? "无法计算" : String.format("%+.1f", score);
        }
    }

    public enum Band {
        BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Band of(double total) {
            return total >= 20 ? BLUE : total >= 15 ? YELLOW : total >= 10 ? ORANGE : RED;
        }
    }

    public double total() {
        return Math.round(dimensions.stream().map(Dimension::score).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum()
                * 10) / 10.0;
    }

    public Band band() {
        return Band.of(total());
    }

    public long uncomputed() {
        return dimensions.stream().filter(d -> d.score() == null).count();
    }

    /** The five things a transparent release tells, each with the words that show it. */
    static final List<String[]> ELEMENTS = List.of(
            new String[] {"事实", "经核实|核实|经查|属实|情况如下|发生|现场"},
            new String[] {"原因", "原因|系因|由于|因为|导致|起因"},
            new String[] {"进展", "目前|进展|正在|截至|已经|已于|恢复"},
            new String[] {"处置", "处置|处理|措施|抢修|安置|救治|整改|疏导|解决"},
            new String[] {"问责", "问责|追责|处分|免职|停职|立案|调查组|责任人|依法依规"});
    private static final Pattern ACCOUNTABILITY = Pattern.compile(ELEMENTS.get(4)[1]);
    private static final double DIED_DOWN = 0.01;
    private static final Duration QUIET = Duration.ofHours(24);
    private static final Duration SETTLE = Duration.ofHours(72);

    /**
     * @param clocks  the event's deadlines (the first-release clocks among them are the ones speed is measured by)
     * @param published the published releases, oldest first
     * @param hourly  items per hour since the event was first known (empty without items)
     * @param effect  the review's before/after windows of the first release
     * @param referrals how many clues were handed to the police or the regulator
     */
    static ResponseIndex of(EventSnapshot e, List<Deadline> clocks, List<Release> published, List<Volume> hourly,
            CaseReview.Effect effect, int referrals, Instant now) {
        // a response neither made nor yet due tells nothing about its quality
        boolean owed = published.isEmpty() && clocks.stream().anyMatch(c -> c.clock().firstRelease()
                && c.status() != Deadline.Status.SUPERSEDED && now.isAfter(c.dueAt()));
        List<Dimension> d = new ArrayList<>();
        d.add(speed(clocks, published, now));
        d.add(published.isEmpty() && !owed ? new Dimension("信息透明度", 10, null, "尚未发布回应，也未到发布时限", TRANSPARENCY)
                : transparency(published, e.facts()));
        d.add(credibility(effect));
        d.add(order(published, hourly, now));
        d.add(followUp(e, published, now));
        d.add(published.isEmpty() && !owed && referrals == 0
                ? new Dimension("官员问责", 3, null, "尚未发布回应，也未到发布时限", ACCOUNTABILITY_RULE) : accountability(e, published, referrals));
        return new ResponseIndex(List.copyOf(d));
    }

    /** 政府响应: the first release against the first-release clock due soonest. */
    static Dimension speed(List<Deadline> clocks, List<Release> published, Instant now) {
        String rule = "首次发布在时限内：10 − 8 × 用时/时限（立即发布得10分，恰在时限内得2分）；超时：每超出一个时限长度扣10分，最低−10；超时仍未发布得−10";
        Deadline clock = clocks.stream().filter(c -> c.clock().firstRelease() && c.status() != Deadline.Status.SUPERSEDED)
                .min(java.util.Comparator.comparing(Deadline::dueAt)).orElse(null);
        if (clock == null) {
            return new Dimension("政府响应", 10, null, "该事件没有首次回应时限", rule);
        }
        double allowed = Math.max(1, Duration.between(clock.startedAt(), clock.dueAt()).toMinutes());
        String what = clock.title() + "（" + clock.allowed() + "，" + cn.yuqing.shared.Times.format(clock.startedAt()) + "起算）";
        if (published.isEmpty()) {
            return now.isAfter(clock.dueAt()) ? new Dimension("政府响应", 10, -10.0, what + "已过，仍未发布回应", rule)
                    : new Dimension("政府响应", 10, null, what + "尚未到期，尚未发布回应", rule);
        }
        Release first = published.get(0);
        double used = Duration.between(clock.startedAt(), first.publishedAt()).toMinutes();
        double score = used <= allowed ? 10 - 8 * Math.max(0, used) / allowed : Math.max(-10, -10 * (used - allowed) / allowed);
        return new Dimension("政府响应", 10, round(score), what + "；首次发布《" + first.title() + "》于"
                + first.publishedAtText() + "，用时" + cn.yuqing.shared.Times.describe(Duration.ofMinutes((long) used)), rule);
    }

    /** 信息透明度: which of facts, cause, progress, handling and accountability the releases told. */
    private static final String TRANSPARENCY = "发布内容涵盖 事实、原因、进展、处置、问责 五项中的几项：每项4分，减10（五项全有得10分，一项没有得−10）；"
            + "“事实”以发布内容带出核实情况的一半以上（按字对）或有“经核实”等表述为准；首次发布时限已过仍未发布得−10";
    private static final String ACCOUNTABILITY_RULE = "核实属实或部分属实的重大问题、实际困难：发布中宣布了处理、问责得3分，未宣布得−3；"
            + "错误看法：涉嫌违法线索已移交得3分，否则0分；其他情形不涉及问责，0分";

    static Dimension transparency(List<Release> published, String facts) {
        String rule = TRANSPARENCY;
        if (published.isEmpty()) {
            return new Dimension("信息透明度", 10, -10.0, "未发布回应", rule);
        }
        String text = String.join("\n", published.stream().map(r -> r.title() + "\n" + r.text()).toList());
        List<String> told = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] element : ELEMENTS) {
            boolean said = Pattern.compile(element[1]).matcher(text).find()
                    || (element[0].equals("事实") && carried(facts, text) >= 0.5);
            (said ? told : missing).add(element[0]);
        }
        return new Dimension("信息透明度", 10, 4.0 * told.size() - 10, "已发布" + published.size() + "次，涵盖："
                + (told.isEmpty() ? "无" : String.join("、", told)) + (missing.isEmpty() ? "" : "；未涉及：" + String.join("、", missing)),
                rule);
    }

    /** 政府公信力: whether the public accepted the answer, read as the negative share before and after it. */
    static Dimension credibility(CaseReview.Effect effect) {
        String rule = "首次发布前24小时与发布后（至多24小时）负面信息占比之差：每下降1个百分点加0.4分，上升则扣分，限±10；每段至少10条信息";
        if (effect.firstRelease() == null) {
            return new Dimension("政府公信力", 10, null, "尚未发布回应", rule);
        }
        if (effect.before().items() < 10 || effect.after().items() < 10) {
            return new Dimension("政府公信力", 10, null, "发布前" + effect.before().items() + "条、发布后" + effect.after().items()
                    + "条信息，不足以比较", rule);
        }
        double points = (effect.before().negativeShare() - effect.after().negativeShare()) * 100;
        return new Dimension("政府公信力", 10, round(clamp(0.4 * points, 10)), String.format("负面占比由%.0f%%变为%.0f%%",
                effect.before().negativeShare() * 100, effect.after().negativeShare() * 100), rule);
    }

    /**
     * 恢复秩序: "died down" is an hour from which the volume stays below 1 % of the peak hour for 24
     * hours with no rebound.
     */
    static Dimension order(List<Release> published, List<Volume> hourly, Instant now) {
        String rule = "平息：自某一小时起连续24小时每小时信息量都低于峰值的1%。首次发布后24小时内平息得5分，72小时内3分，更晚1分；发布72小时后仍未平息得−5";
        if (published.isEmpty()) {
            return new Dimension("恢复秩序", 5, null, "尚未发布回应", rule);
        }
        if (hourly.isEmpty()) {
            return new Dimension("恢复秩序", 5, null, "没有信息量记录", rule);
        }
        Instant first = published.get(0).publishedAt();
        Volume top = hourly.stream().max(java.util.Comparator.comparingInt(Volume::items)).orElseThrow();
        int peak = top.items();
        java.util.Map<Instant, Integer> byHour = new java.util.HashMap<>();
        hourly.forEach(v -> byHour.put(v.start(), v.items()));
        Duration hour = Duration.ofHours(1);
        Instant quietFrom = null;
        // the first hour after the peak that opens 24 quiet hours, all of them already past
        for (Instant h = top.start().plus(hour); !h.plus(QUIET).isAfter(now); h = h.plus(hour)) {
            Instant loud = null;
            for (Instant k = h; k.isBefore(h.plus(QUIET)) && loud == null; k = k.plus(hour)) {
                if (byHour.getOrDefault(k, 0) > peak * DIED_DOWN) {
                    loud = k;
                }
            }
            if (loud == null) {
                quietFrom = h;
                break;
            }
            h = loud;
        }
        String peakText = "峰值每小时" + peak + "条";
        if (quietFrom != null) {
            Duration after = Duration.between(first, quietFrom.isBefore(first) ? first : quietFrom);
            double score = after.compareTo(Duration.ofHours(24)) <= 0 ? 5 : after.compareTo(SETTLE) <= 0 ? 3 : 1;
            return new Dimension("恢复秩序", 5, score, peakText + "；自" + cn.yuqing.shared.Times.format(quietFrom)
                    + "起平息（首次发布后" + cn.yuqing.shared.Times.describe(after) + "）", rule);
        }
        if (Duration.between(first, now).compareTo(SETTLE) >= 0) {
            return new Dimension("恢复秩序", 5, -5.0, peakText + "；首次发布72小时后仍未平息", rule);
        }
        return new Dimension("恢复秩序", 5, null, peakText + "；首次发布不足72小时，尚未平息", rule);
    }

    /** 动态反应: continued releases after the first (4.4, 4.5). */
    static Dimension followUp(EventSnapshot e, List<Release> published, Instant now) {
        String rule = "首次发布后续发2次及以上得3分，1次得1分；未续发而事件在首次发布48小时后仍未办结（或办结晚于此）得−3，否则0分";
        if (published.isEmpty()) {
            return new Dimension("动态反应", 3, null, "尚未发布回应", rule);
        }
        int continued = published.size() - 1;
        if (continued > 0) {
            return new Dimension("动态反应", 3, continued >= 2 ? 3.0 : 1.0, "首次发布后续发" + continued + "次", rule);
        }
        Instant end = e.closedAt() == null ? now : e.closedAt();
        boolean lasted = Duration.between(published.get(0).publishedAt(), end).compareTo(Duration.ofHours(48)) > 0;
        return new Dimension("动态反应", 3, lasted ? -3.0 : 0.0, lasted ? "首次发布后48小时以上未再发布" : "未续发，事件在48小时内办结或尚不足48小时", rule);
    }

    /** 官员问责: where the facts call for it, whether handling or accountability was announced or clues referred. */
    static Dimension accountability(EventSnapshot e, List<Release> published, int referrals) {
        String rule = ACCOUNTABILITY_RULE;
        boolean announced = published.stream().anyMatch(r -> ACCOUNTABILITY.matcher(r.title() + r.text()).find());
        if (e.matterKind() == MatterKind.FALSE_CLAIM || e.conclusion() == Conclusion.FALSE) {
            return new Dimension("官员问责", 3, referrals > 0 ? 3.0 : 0.0, referrals > 0 ? "已移交违法线索" + referrals + "次" : "错误看法，未移交线索", rule);
        }
        boolean calledFor = (e.conclusion() == Conclusion.TRUE || e.conclusion() == Conclusion.PARTLY_TRUE)
                && (e.matterKind() == MatterKind.MAJOR_PROBLEM || e.matterKind() == MatterKind.DIFFICULTY);
        if (!calledFor) {
            return new Dimension("官员问责", 3, e.conclusion() == null ? null : 0.0,
                    e.conclusion() == null ? "尚未核实，无法判断是否涉及问责" : "不涉及问责", rule);
        }
        return new Dimension("官员问责", 3, announced ? 3.0 : -3.0, announced ? "发布中宣布了处理或问责" : "问题属实，发布中未宣布处理或问责", rule);
    }

    /** The share of the verified facts' character pairs the releases carry. */
    static double carried(String facts, String text) {
        if (facts == null || facts.isBlank()) {
            return 0;
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 1 < facts.length(); i++) {
            if (Character.isIdeographic(facts.charAt(i)) && Character.isIdeographic(facts.charAt(i + 1))) {
                pairs.add(facts.substring(i, i + 2));
            }
        }
        return pairs.isEmpty() ? 0 : pairs.stream().filter(text::contains).count() / (double) pairs.size();
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggestions for 4.2 and 4.3, each with its reasons: warning sign (预警性、倾向性、苗头性), hot,
 * or major candidate; the criteria among 4.3 a)–e) the text suggests; the place and departments.
 * A suggestion is shown beside the analyst's decision and never applied without a person.
 */
public final class WarningRules {

    public enum Level {
        NONE("无"), WARNING("预警苗头"), HOT("热点"), MAJOR("重大");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Suggestion(Level level, List<String> reasons, Map<String, Set<String>> criteria, String place,
            List<String> departments, boolean spike) {
    }

    /** Spike: at least 3 items in the last hour and at least 3 times the baseline hourly rate. */
    static boolean spike(CandidateFigures f, double topicBaselinePerHour) {
        double baseline = Math.max(f.baselinePerHour(), topicBaselinePerHour);
        return f.lastHour() >= 3 && f.lastHour() >= 3 * Math.max(baseline, 1.0 / 3);
    }

    static Suggestion suggest(CandidateFigures f, double topicBaselinePerHour, Map<String, Set<String>> criteria, String place,
            List<String> departments) {
        List<String> reasons = new ArrayList<>();
        Level level = Level.NONE;
        boolean spike = spike(f, topicBaselinePerHour);
        if (f.negative() >= 2 && f.negativeShare() >= 0.5) {
            level = Level.WARNING;
            reasons.add(String.format("负面信息%d条，占%.0f%%", f.negative(), f.negativeShare() * 100));
        }
        if (f.withSignals() >= 2) {
            level = Level.WARNING;
            reasons.add("%d条信息带有愤怒或焦虑恐慌情绪".formatted(f.withSignals()));
        }
        if (f.urgent() > 0) {
            level = Level.WARNING;
            reasons.add("监控人员已标记紧急上报%d条".formatted(f.urgent()));
        }
        if (spike) {
            level = Level.HOT;
            reasons.add(String.format("最近一小时%d条，为此前每小时%.1f条的%.0f倍（突增）", f.lastHour(),
                    Math.max(f.baselinePerHour(), topicBaselinePerHour),
                    f.lastHour() / Math.max(Math.max(f.baselinePerHour(), topicBaselinePerHour), 1.0 / 3)));
        }
        if (f.items() >= 10) {
            level = max(level, Level.HOT);
            reasons.add("累计%d条信息".formatted(f.items()));
        }
        if (f.channels() >= 3) {
            level = max(level, Level.HOT);
            reasons.add("%d个渠道同时出现".formatted(f.channels()));
        }
        if (f.engagement() >= 5_000) {
            level = max(level, Level.HOT);
            reasons.add("转发、评论、点赞合计%,d".formatted(f.engagement()));
        }
        if (f.items() >= 50 || f.engagement() >= 50_000 || (level == Level.HOT && criteria.containsKey("d"))) {
            level = Level.MAJOR;
            reasons.add(criteria.containsKey("d") && f.items() < 50 && f.engagement() < 50_000
                    ? "热点且涉及突发事件或自然灾害（" + String.join("、", criteria.get("d")) + "）"
                    : "规模达到重大舆情的参考线（50条或互动5万）");
        }
        return new Suggestion(level, reasons, criteria, place, departments, spike);
    }

    private static Level max(Level a, Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

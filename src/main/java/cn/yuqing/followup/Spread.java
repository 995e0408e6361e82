package cn.yuqing.followup;

/**
 * 4.5 speed of spread: items in the last window of {@code hours} against the window before it.
 * The half item added on both sides keeps one stray item on a quiet event from reading as “加快”.
 */
public record Spread(int recentItems, int beforeItems, int hours, Trend trend) {

    public enum Trend {
        RISING("加快"), STEADY("平稳"), FALLING("减缓"), QUIET("平息");

        private final String label;

        Trend(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Spread of(int recentItems, int beforeItems, int hours) {
        double ratio = (recentItems + 0.5) / (beforeItems + 0.5);
        Trend trend = recentItems == 0 && beforeItems == 0 ? Trend.QUIET
                : ratio >= 1.5 ? Trend.RISING : ratio <= 2 / 3.0 ? Trend.FALLING : Trend.STEADY;
        return new Spread(recentItems, beforeItems, hours, trend);
    }

    public double recentPerHour() {
        return recentItems / (double) hours;
    }

    public double beforePerHour() {
        return beforeItems / (double) hours;
    }

    public String describe() {
        return String.format("%s（近%d小时%d条，此前%d小时%d条）", trend.label(), hours, recentItems, hours, beforeItems);
    }
}

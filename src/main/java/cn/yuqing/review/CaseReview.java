package cn.yuqing.review;

import java.time.Instant;
import java.util.List;

import cn.yuqing.deadline.Deadlines;
import cn.yuqing.opinion.OpenDuties;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.response.Release;
import cn.yuqing.shared.Times;

/**
 * 4.6: an event's review as the record tells it. {@code draft} is the text offered for the closing
 * review, which the person closing edits; {@code duties} are what must be done or waived first.
 */
public record CaseReview(EventSnapshot event, String gradeName, List<Moment> timeline, Deadlines.Board clocks,
        List<Release> published, Effect effect, int reassessments, int guidance, List<OpenDuties.Duty> duties, String draft,
        ResponseIndex index) {

    /** One line of the timeline. */
    public record Moment(Instant at, String kind, String text, String actor) {
        public String atText() {
            return Times.format(at);
        }
    }

    /**
     * The effect of the response: items per hour and negative share in the 24 hours before the first
     * publication and in up to 24 hours after it. Rates, so that a review written 5 hours after the
     * release compares like with like.
     */
    public record Effect(Instant firstRelease, Window before, Window after) {

        public record Window(int items, int negative, double hours) {
            public double perHour() {
                return hours <= 0 ? 0 : items / hours;
            }

            public double negativeShare() {
                return items == 0 ? 0 : negative / (double) items;
            }
        }

        public String verdict() {
            if (firstRelease == null) {
                return "尚未发布回应，无法评估回应效果。";
            }
            String volume = before.items() == 0 ? String.format("首次发布后每小时%.1f条信息", after.perHour())
                    : String.format("首次发布后信息量由每小时%.1f条变为%.1f条（%s）", before.perHour(), after.perHour(),
                            change(before.perHour(), after.perHour()));
            String tone = before.items() == 0 || after.items() == 0 ? ""
                    : String.format("，负面占比由%.0f%%变为%.0f%%", before.negativeShare() * 100, after.negativeShare() * 100);
            return volume + tone + "（比较首次发布前24小时与发布后" + Times.describe(java.time.Duration.ofMinutes(
                    Math.round(after.hours() * 60))) + "）。";
        }

        private static String change(double from, double to) {
            double pct = (to - from) / from * 100;
            return Math.abs(pct) < 5 ? "基本持平" : pct < 0 ? String.format("下降%.0f%%", -pct) : String.format("上升%.0f%%", pct);
        }
    }

    public String firstReleaseText() {
        return effect.firstRelease() == null ? "" : Times.format(effect.firstRelease());
    }
}

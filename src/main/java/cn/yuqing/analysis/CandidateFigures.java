package cn.yuqing.analysis;

import java.time.Instant;

/**
 * Heat and spread of a candidate at a moment: items, negative items, channels, engagement, items
 * in the last hour and in the 24 hours before it, the first and last item.
 */
public record CandidateFigures(int items, int negative, int channels, long engagement, int lastHour, int previousDay,
        int withSignals, int urgent, Instant first, Instant last) {

    public double negativeShare() {
        return items == 0 ? 0 : negative / (double) items;
    }

    /** The hourly rate of the 24 hours before the last hour. */
    public double baselinePerHour() {
        return previousDay / 24.0;
    }
}

package cn.yuqing.assessment;

import java.time.Duration;
import java.util.Map;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.shared.Times;

/**
 * One unit's figures for one period, all counted from the record (4.6). {@code weightedOnTime} is
 * the share of its decided clocks met on time, each clock weighted by its event's grade; a unit
 * with fewer decided clocks than the minimum is listed but not ranked. {@code missedClocks} names each
 * clock missed: which event, which duty, how long it had.
 */
public record Scorecard(Long unitId, String unitName, int events, Map<ClockKind, Rate> perClock, int onTime, int late,
        int missed, double weightedOnTime, Duration medianResponse, Duration worstResponse, int unanswered, int returns,
        int resends, int releases, int warningReports, int warningReportsOnTime, int patrolsDue, int patrolsDone,
        java.util.List<String> missedClocks, boolean ranked, int rank, Double responseIndex, int indexedEvents, CitizenLoop loop) {

    /**
     * The work orders' loop with the citizen (issue 19): 退单 the office found wrongful, extensions
     * approved, 催办通知书 and 督办单 issued, cases reopened after 不满意, and the satisfaction of
     * the citizens the unit answered (surveys answered in the period).
     */
    public record CitizenLoop(int wrongfulSendBacks, int extensions, int chases, int supervisions, int redos,
            cn.yuqing.citizen.Satisfaction.Rate satisfaction) {

        public static final CitizenLoop NONE = new CitizenLoop(0, 0, 0, 0, 0, cn.yuqing.citizen.Satisfaction.Rate.NONE);

        public String chasesText() {
            return chases + "/" + supervisions;
        }
    }

    /** Clocks met on time out of those decided. */
    public record Rate(int onTime, int decided) {
        public String text() {
            return onTime + "/" + decided;
        }
    }

    /** The mean response index of the unit's events of the period (issue 20), with its band; "—" without any. */
    public String responseIndexText() {
        return responseIndex == null ? "—" : String.format("%.1f（%s）", responseIndex,
                cn.yuqing.review.ResponseIndex.Band.of(responseIndex).label());
    }

    public int clocks() {
        return onTime + late + missed;
    }

    public String rateText(ClockKind clock) {
        Rate rate = perClock.get(clock);
        return rate == null ? "—" : rate.text();
    }

    public String weightedOnTimeText() {
        return clocks() == 0 ? "—" : String.format("%.1f%%", weightedOnTime * 100);
    }

    public String medianResponseText() {
        return medianResponse == null ? "—" : Times.describe(medianResponse);
    }

    public String worstResponseText() {
        return worstResponse == null ? "—" : Times.describe(worstResponse);
    }

    public String warningReportsText() {
        return warningReports == 0 ? "—" : warningReportsOnTime + "/" + warningReports;
    }

    public String patrolsText() {
        return patrolsDue == 0 ? "—" : patrolsDone + "/" + patrolsDue;
    }

    Scorecard withRank(boolean ranked, int rank) {
        return new Scorecard(unitId, unitName, events, perClock, onTime, late, missed, weightedOnTime, medianResponse,
                worstResponse, unanswered, returns, resends, releases, warningReports, warningReportsOnTime, patrolsDue, patrolsDone,
                missedClocks, ranked, rank, responseIndex, indexedEvents, loop);
    }
}

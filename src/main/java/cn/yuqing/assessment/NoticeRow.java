package cn.yuqing.assessment;

import java.util.List;

/**
 * One line of a notice's figures table, as issued. The rank is shown only where a ranking means
 * something — two or more units ranked — so that the only unit assessed is not "名次 1" at 25 %.
 */
public record NoticeRow(String rank, String unit, int events, String onTime, int late, int missed, String median,
        int unanswered, int patrolsDone, int patrolsDue, String responseIndex, String satisfaction) {

    static NoticeRow of(Scorecard c, int ranked) {
        return new NoticeRow(!c.ranked() ? "样本不足" : ranked < 2 ? "—" : String.valueOf(c.rank()), c.unitName(), c.events(),
                c.weightedOnTimeText(), c.late(), c.missed(), c.medianResponseText(), c.unanswered(), c.patrolsDone(), c.patrolsDue(),
                c.responseIndexText(), c.loop().satisfaction().text());
    }

    public String patrols() {
        return patrolsDue == 0 ? "—" : patrolsDone + "/" + patrolsDue;
    }

    public List<String> cells() {
        return List.of(rank, unit, String.valueOf(events), onTime, String.valueOf(late), String.valueOf(missed), median,
                String.valueOf(unanswered), patrols(), responseIndex == null ? "—" : responseIndex,
                satisfaction == null ? "—" : satisfaction);
    }
}

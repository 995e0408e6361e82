package cn.yuqing.assessment;

import java.util.List;

/** One line of a notice's figures table, as issued. */
public record NoticeRow(String rank, String unit, int events, String onTime, int overdue, String median, int unanswered,
        String patrols) {

    static NoticeRow of(Scorecard c) {
        return new NoticeRow(c.ranked() ? String.valueOf(c.rank()) : "样本不足", c.unitName(), c.events(), c.weightedOnTimeText(),
                c.late() + c.missed(), c.medianResponseText(), c.unanswered(), c.patrolsText());
    }

    public List<String> cells() {
        return List.of(rank, unit, String.valueOf(events), onTime, String.valueOf(overdue), median, String.valueOf(unanswered),
                patrols);
    }
}

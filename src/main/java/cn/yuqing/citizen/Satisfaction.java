package cn.yuqing.citizen;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction of the citizens a unit answered, for the scorecards of 4.6: of the surveys
 * answered in a period (by the citizen or a phone 回访), the share rated 满意 or 基本满意. A unit
 * with no answered survey has no rate, not a perfect one.
 */
@Service
@Transactional(readOnly = true)
public class Satisfaction {

    /** Surveys answered and, of them, 满意 or 基本满意. */
    public record Rate(int rated, int satisfied) {

        public static final Rate NONE = new Rate(0, 0);

        public Double share() {
            return rated == 0 ? null : (double) satisfied / rated;
        }

        public String text() {
            return rated == 0 ? "—" : String.format("%.0f%%（%d/%d）", 100.0 * satisfied / rated, satisfied, rated);
        }
    }

    private final SurveyRepository surveys;

    Satisfaction(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    /** Each unit's rate over the surveys answered from {@code from} up to, not including, {@code to}. */
    public Map<Long, Rate> byUnit(Instant from, Instant to) {
        Map<Long, int[]> counts = new HashMap<>();
        for (Survey s : surveys.answeredBetween(from, to)) {
            int[] c = counts.computeIfAbsent(s.unitId(), u -> new int[2]);
            c[0]++;
            if (s.rating().satisfied()) {
                c[1]++;
            }
        }
        Map<Long, Rate> rates = new HashMap<>();
        counts.forEach((unit, c) -> rates.put(unit, new Rate(c[0], c[1])));
        return rates;
    }
}

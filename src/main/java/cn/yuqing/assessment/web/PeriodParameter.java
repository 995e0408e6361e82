package cn.yuqing.assessment.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.ui.Model;

import cn.yuqing.assessment.Period;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/** The period an assessment page asks for: as written; last month when none is given, or, with the reason, when it cannot be read. */
final class PeriodParameter {

    private PeriodParameter() {
    }

    static Period lastMonth(Clock clock) {
        return Period.monthOf(LocalDate.now(clock.withZone(Times.ZONE))).previous();
    }

    static Period read(String period, Clock clock, Model model) {
        if (period == null || period.isBlank()) {
            return lastMonth(clock);
        }
        try {
            return Period.parse(period);
        } catch (DomainRuleViolation e) {
            model.addAttribute("error", e.describe());
            return lastMonth(clock);
        }
    }
}

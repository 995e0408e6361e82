package cn.yuqing.assessment.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yuqing.assessment.Period;
import cn.yuqing.assessment.Scorecards;
import cn.yuqing.deadline.ClockKind;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/** Scorecards of the units in the reader's scope, for a month or a quarter (4.6). */
@Controller
class ScorecardController {

    private final Scorecards scorecards;
    private final Accounts accounts;
    private final java.time.Clock clock;

    ScorecardController(Scorecards scorecards, Accounts accounts, java.time.Clock clock) {
        this.scorecards = scorecards;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/assessment/scorecards")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    String scorecards(@RequestParam(required = false) String period, Model model) {
        Period chosen;
        try {
            chosen = period == null || period.isBlank() ? Period.monthOf(LocalDate.now(clock.withZone(Times.ZONE))).previous()
                    : Period.parse(period);
        } catch (DomainRuleViolation e) {
            model.addAttribute("error", e.describe());
            chosen = Period.monthOf(LocalDate.now(clock.withZone(Times.ZONE))).previous();
        }
        model.addAttribute("period", chosen);
        model.addAttribute("cards", scorecards.of(chosen, accounts.currentScope()));
        model.addAttribute("minimum", scorecards.minimumClocks());
        model.addAttribute("reportWithin", scorecards.reportWithin());
        model.addAttribute("clocks", ClockKind.values());
        return "assessment/scorecards";
    }
}

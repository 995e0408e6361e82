package cn.yuqing.assessment.web;


import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yuqing.assessment.Period;
import cn.yuqing.assessment.Scorecards;
import cn.yuqing.deadline.ClockKind;
import cn.yuqing.organisation.Accounts;

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
        Period chosen = PeriodParameter.read(period, clock, model);
        model.addAttribute("period", chosen);
        model.addAttribute("cards", scorecards.of(chosen, accounts.currentScope()));
        model.addAttribute("minimum", scorecards.minimumClocks());
        model.addAttribute("reportWithin", scorecards.reportWithin());
        model.addAttribute("clocks", ClockKind.values());
        return "assessment/scorecards";
    }
}

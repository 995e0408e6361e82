package cn.yuqing.assessment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.assessment.Accountability;
import cn.yuqing.assessment.AccountabilityMeasure;
import cn.yuqing.assessment.Period;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Interviews and referrals to the supervisory organs (4.6): what the lines suggest, what was done, and the lines. */
@Controller
class AccountabilityController {

    private final Accountability accountability;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final java.time.Clock clock;

    AccountabilityController(Accountability accountability, OrganisationDirectory directory, Accounts accounts, java.time.Clock clock) {
        this.accountability = accountability;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/assessment/accountability")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    String page(@RequestParam(required = false) String period, Model model) {
        DataScope scope = accounts.currentScope();
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        Period chosen = PeriodParameter.read(period, clock, model);
        model.addAttribute("period", chosen);
        model.addAttribute("today", today);
        model.addAttribute("suggestions", accountability.suggestions(chosen, scope, signedIn()));
        model.addAttribute("measures", accountability.measures(scope));
        model.addAttribute("lines", accountability.thresholds(signedIn()));
        model.addAttribute("kinds", AccountabilityMeasure.Kind.values());
        Map<Long, String> unitNames = new HashMap<>();
        directory.allUnits().stream().filter(u -> scope.covers(u.id())).forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("unitNames", unitNames);
        return "assessment/accountability";
    }

    @PostMapping("/assessment/accountability/thresholds")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String thresholds(@RequestParam(defaultValue = "-1") int minOnTime, @RequestParam(defaultValue = "-1") int maxMissed,
            @RequestParam(defaultValue = "-1") int maxUnanswered, @RequestParam(defaultValue = "85") int minSatisfaction,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已保存约谈提示线", () -> accountability.changeThresholds(signedIn(), minOnTime, maxMissed, maxUnanswered,
                minSatisfaction));
        return "redirect:/assessment/accountability";
    }

    @PostMapping("/assessment/accountability")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String record(@RequestParam(required = false) AccountabilityMeasure.Kind kind, @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String people, @RequestParam(defaultValue = "") String heldOn,
            @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已登记", () -> accountability.record(kind, unitId, period, reason, people, day(heldOn), outcome,
                accounts.currentScope(), signedIn()));
        return "redirect:/assessment/accountability" + (period.isBlank() ? "" : "?period=" + period.strip());
    }

    @PostMapping("/assessment/accountability/{id}/follow-up")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String followUp(@PathVariable Long id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String followUp, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已保存", () -> accountability.followUp(id, outcome, followUp, accounts.currentScope()));
        return "redirect:/assessment/accountability";
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("4.6", "请填写日期");
        }
    }
}

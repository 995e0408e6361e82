package cn.yuqing.deadline.web;

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

import cn.yuqing.deadline.ClockPolicies;
import cn.yuqing.deadline.Counting;
import cn.yuqing.deadline.EscalationLevel;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.shared.DomainRuleViolation;

/** 4.4 as this place adopted it: the clocks per grade, editable by the government office. */
@Controller
class ClockPolicyController {

    private final ClockPolicies policies;
    private final OpinionManagement opinions;

    ClockPolicyController(ClockPolicies policies, OpinionManagement opinions) {
        this.policies = policies;
        this.opinions = opinions;
    }

    @GetMapping("/deadlines/policies")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String list(Model model) {
        Map<String, String> grades = new HashMap<>();
        opinions.grades().forEach(g -> grades.put(g.code(), g.name()));
        model.addAttribute("policies", policies.all());
        model.addAttribute("grades", grades);
        model.addAttribute("countings", Counting.values());
        model.addAttribute("levels", EscalationLevel.values());
        return "deadline/policies";
    }

    @PostMapping("/deadlines/policies/rules/{id}")
    @PreAuthorize("hasAuthority('deadline:policy:edit')")
    String change(@PathVariable Long id, @RequestParam(defaultValue = "0") String amount,
            @RequestParam(required = false) Counting unit, @RequestParam(defaultValue = "") String reminders,
            @RequestParam(defaultValue = "") String escalation, RedirectAttributes redirect) {
        try {
            int n;
            try {
                n = Integer.parseInt(amount.strip());
            } catch (NumberFormatException e) {
                throw new DomainRuleViolation("4.4", "时限须填写整数");
            }
            policies.change(id, n, unit, reminders, escalation);
            redirect.addFlashAttribute("notice", "已保存。正在计时的时限不受影响，新开始的时限按新规则计算。");
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
        }
        return "redirect:/deadlines/policies";
    }
}

package cn.yuqing.deadline.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.deadline.ClockPolicies;
import cn.yuqing.deadline.Counting;
import cn.yuqing.deadline.EscalationLevel;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

/** 4.4 as this place adopted it: the clocks per grade, editable by the government office. */
@Controller
class ClockPolicyController {

    private final ClockPolicies policies;
    private final OpinionEvents opinions;

    ClockPolicyController(ClockPolicies policies, OpinionEvents opinions) {
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
        model.addAttribute("clocks", ClockKind.values());
        model.addAttribute("gradeList", opinions.grades());
        return "deadline/policies";
    }

    @PostMapping("/deadlines/policies")
    @PreAuthorize("hasAuthority('deadline:policy:edit')")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String grade,
            @RequestParam(defaultValue = "") String emergency, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已新增规则，时限已按原先适用的规则预填，请核对修改。", () -> {
            Set<String> grades = opinions.grades().stream().map(g -> g.code()).collect(Collectors.toSet());
            Boolean flag = switch (emergency) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
            policies.add(name, grade, flag, grades);
        });
        return "redirect:/deadlines/policies";
    }

    @PostMapping("/deadlines/policies/{id}/clocks")
    @PreAuthorize("hasAuthority('deadline:policy:edit')")
    String addClock(@PathVariable Long id, @RequestParam(required = false) ClockKind clock, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已添加时限，请设置时长、提醒和督办", () -> policies.addClock(id, clock));
        return "redirect:/deadlines/policies";
    }

    @PostMapping("/deadlines/policies/rules/{id}/remove")
    @PreAuthorize("hasAuthority('deadline:policy:edit')")
    String removeClock(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已删除该时限。正在计时的时限不受影响。", () -> policies.removeClock(id));
        return "redirect:/deadlines/policies";
    }

    @PostMapping("/deadlines/policies/rules/{id}")
    @PreAuthorize("hasAuthority('deadline:policy:edit')")
    String change(@PathVariable Long id, @RequestParam(defaultValue = "0") String amount,
            @RequestParam(required = false) Counting unit, @RequestParam(defaultValue = "") String reminders,
            @RequestParam(defaultValue = "") String escalation, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已保存。正在计时的时限不受影响，新开始的时限按新规则计算。", () -> {
            int n;
            try {
                n = Integer.parseInt(amount.strip());
            } catch (NumberFormatException e) {
                throw new DomainRuleViolation("4.4", "时限须填写整数");
            }
            policies.change(id, n, unit, reminders, escalation);
        });
        return "redirect:/deadlines/policies";
    }
}

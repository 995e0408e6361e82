package cn.yuqing.responsibility.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.responsibility.ResponsibilityRouter;
import cn.yuqing.responsibility.RoutingRules;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Clause 3 as the system applies it: the rules in their order, and the words the government office marks as context only. */
@Controller
class RoutingRulesController {

    private final RoutingRules rules;
    private final ResponsibilityRouter router;

    RoutingRulesController(RoutingRules rules, ResponsibilityRouter router) {
        this.rules = rules;
        this.router = router;
    }

    @GetMapping("/responsibility/rules")
    @PreAuthorize("hasAuthority('responsibility:rules:view')")
    String rules(Model model) {
        model.addAttribute("policies", router.policies());
        model.addAttribute("words", rules.contextWords());
        return "responsibility/rules";
    }

    @PostMapping("/responsibility/rules/context-words")
    @PreAuthorize("hasAuthority('responsibility:rules:edit')")
    String add(@RequestParam(defaultValue = "") String word, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已添加。此后的责任主体认定不再因这个词认定主管部门。",
                () -> rules.addContextWord(word, note, signedIn().getUsername()));
        return "redirect:/responsibility/rules";
    }

    @PostMapping("/responsibility/rules/context-words/remove")
    @PreAuthorize("hasAuthority('responsibility:rules:edit')")
    String remove(@RequestParam(defaultValue = "") String word, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已移除。", () -> rules.removeContextWord(word, signedIn().getUsername()));
        return "redirect:/responsibility/rules";
    }
}

package cn.yuqing.analysis.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.analysis.MonitoringScheme;
import cn.yuqing.analysis.Schemes;
import cn.yuqing.intake.Channels;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.DomainRuleViolation;

@Controller
class SchemeController {

    private final Schemes schemes;
    private final Channels channels;
    private final Accounts accounts;

    SchemeController(Schemes schemes, Channels channels, Accounts accounts) {
        this.schemes = schemes;
        this.channels = channels;
        this.accounts = accounts;
    }

    @GetMapping("/analysis/schemes")
    @PreAuthorize("hasAuthority('analysis:scheme:view')")
    String list(Model model) {
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("channels", channels.visible(accounts.currentScope()));
        return "analysis/schemes";
    }

    @GetMapping("/analysis/schemes/{id}")
    @PreAuthorize("hasAuthority('analysis:scheme:view')")
    String show(@PathVariable Long id, Model model) {
        model.addAttribute("scheme", schemes.require(id));
        model.addAttribute("channels", channels.visible(accounts.currentScope()));
        return "analysis/scheme";
    }

    @PostMapping("/analysis/schemes")
    @PreAuthorize("hasAuthority('analysis:scheme:edit')")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String include,
            @RequestParam(defaultValue = "") String exclude, @RequestParam(required = false) Set<Long> channelIds,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            MonitoringScheme s = schemes.create(name, include, exclude, channelIds, Set.of());
            redirect.addFlashAttribute("notice", "已添加监测方案：" + s.name());
            return "redirect:/analysis/schemes";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            model.addAttribute("name", name);
            model.addAttribute("include", include);
            model.addAttribute("exclude", exclude);
            return list(model);
        }
    }

    @PostMapping("/analysis/schemes/{id}")
    @PreAuthorize("hasAuthority('analysis:scheme:edit')")
    String update(@PathVariable Long id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String include, @RequestParam(defaultValue = "") String exclude,
            @RequestParam(required = false) Set<Long> channelIds, @RequestParam(defaultValue = "false") boolean active,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            schemes.update(id, version, name, include, exclude, channelIds, Set.of(), active);
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/analysis/schemes";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return show(id, model);
        }
    }
}

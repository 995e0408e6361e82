package cn.yuqing.intake.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.intake.Channels;
import cn.yuqing.intake.SourceKind;
import cn.yuqing.intake.Sources;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;

/** Automatic sources and their health: when each last delivered, how much, and its last error. */
@Controller
class SourceController {

    private final Sources sources;
    private final Channels channels;
    private final Accounts accounts;
    private final Clock clock;

    SourceController(Sources sources, Channels channels, Accounts accounts, Clock clock) {
        this.sources = sources;
        this.channels = channels;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/intake/sources")
    @PreAuthorize("hasAuthority('intake:source:view')")
    String list(Model model) {
        var visible = channels.visible(accounts.currentScope());
        model.addAttribute("sources", sources.visible(visible));
        model.addAttribute("channels", visible);
        model.addAttribute("kinds", SourceKind.values());
        model.addAttribute("now", clock.instant());
        return "intake/sources";
    }

    @PostMapping("/intake/sources")
    @PreAuthorize("hasAuthority('intake:source:edit')")
    String create(@RequestParam(required = false) SourceKind kind, @RequestParam(required = false) Long channelId,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer expectedMinutes,
            @RequestParam(required = false) String feedUrl, @RequestParam(defaultValue = "30") int pollMinutes,
            @RequestParam(required = false) String mailHost, @RequestParam(defaultValue = "993") int mailPort,
            @RequestParam(defaultValue = "false") boolean mailSsl, @RequestParam(required = false) String mailUsername,
            @RequestParam(required = false) String mailPassword, @RequestParam(required = false) String mailFolder,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        DataScope scope = accounts.currentScope();
        try {
            if (kind == null) {
                throw new DomainRuleViolation("请选择来源类型");
            }
            switch (kind) {
                case API -> {
                    var created = sources.createApi(channelId, scope, name, expectedMinutes);
                    model.addAttribute("source", created.source());
                    model.addAttribute("apiKey", created.apiKey());
                    return "intake/api-key";
                }
                case FEED -> sources.createFeed(channelId, scope, name, feedUrl, pollMinutes, expectedMinutes);
                case MAILBOX -> sources.createMailbox(channelId, scope, name, mailHost, mailPort, mailSsl, mailUsername,
                        mailPassword, mailFolder, pollMinutes, expectedMinutes);
                case IMPORT -> sources.createImport(channelId, scope, name);
            }
            redirect.addFlashAttribute("notice", "已添加来源：" + name.strip());
            return "redirect:/intake/sources";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return list(model);
        }
    }
}

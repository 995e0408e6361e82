package cn.yuqing.intake.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.intake.Channel;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.PatrolRecord;
import cn.yuqing.intake.Patrols;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;

import static cn.yuqing.organisation.Accounts.signedIn;

/** The monitor's day: today's patrol board, recording a patrol, and what was collected lately. */
@Controller
class IntakeController {

    private final Channels channels;
    private final Patrols patrols;
    private final Items items;
    private final Accounts accounts;

    IntakeController(Channels channels, Patrols patrols, Items items, Accounts accounts) {
        this.channels = channels;
        this.patrols = patrols;
        this.items = items;
        this.accounts = accounts;
    }

    @GetMapping("/intake")
    @PreAuthorize("hasAuthority('intake:item:view')")
    String home(Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("recent", items.recent(scope, 10));
        model.addAttribute("board", signedIn().can("intake:patrol:view") ? patrols.board(channels.visible(scope)) : List.of());
        return "intake/home";
    }

    @GetMapping("/intake/patrols")
    @PreAuthorize("hasAuthority('intake:patrol:view')")
    String board(Model model) {
        model.addAttribute("board", patrols.board(channels.visible(accounts.currentScope())));
        return "intake/patrols";
    }

    /**
     * "未发现问题" records the patrol and returns to the board; "发现问题" records it and opens the
     * capture form with the patrol attached, so the items found are counted on it.
     */
    @PostMapping("/intake/patrols")
    @PreAuthorize("hasAuthority('intake:patrol:record')")
    String record(@RequestParam Long channelId, @RequestParam(defaultValue = "nothing") String outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        boolean nothingFound = !"found".equals(outcome);
        try {
            PatrolRecord record = patrols.record(channelId, accounts.currentScope(), signedIn(), nothingFound, note);
            if (nothingFound) {
                redirect.addFlashAttribute("notice", "已记录巡查：未发现问题");
                return "redirect:/intake/patrols";
            }
            redirect.addFlashAttribute("notice", "已记录巡查，请录入发现的舆情信息");
            return "redirect:/intake/capture?channel=" + channelId + "&patrol=" + record.id();
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return board(model);
        }
    }

    @GetMapping("/intake/channels/{id}/patrols")
    @PreAuthorize("hasAuthority('intake:patrol:view')")
    String history(@org.springframework.web.bind.annotation.PathVariable Long id, Model model) {
        Channel channel = channels.require(id, accounts.currentScope());
        model.addAttribute("channel", channel);
        model.addAttribute("patrols", patrols.history(id, 100));
        return "intake/patrol-history";
    }
}

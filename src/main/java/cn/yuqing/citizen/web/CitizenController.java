package cn.yuqing.citizen.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.citizen.CitizenReplies;
import cn.yuqing.citizen.CitizenReply;
import cn.yuqing.citizen.Survey;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** An event's citizens, the replies given them and their 回访: on the phone as on the desk. */
@Controller
class CitizenController {

    private final CitizenReplies replies;
    private final OpinionEvents opinions;
    private final OrganisationDirectory directory;
    private final Accounts accounts;

    CitizenController(CitizenReplies replies, OpinionEvents opinions, OrganisationDirectory directory, Accounts accounts) {
        this.replies = replies;
        this.opinions = opinions;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/events/{id}/replies")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String page(@PathVariable Long id, @RequestParam(required = false) Long order, Model model) {
        DataScope scope = accounts.currentScope();
        var me = signedIn();
        var list = replies.replies(id, scope);
        model.addAttribute("event", opinions.event(id, scope));
        model.addAttribute("citizens", replies.citizens(id, scope, me));
        model.addAttribute("orders", me.can("citizen:reply:send") ? replies.answerable(id, scope) : java.util.List.of());
        model.addAttribute("chosenOrder", order);
        model.addAttribute("replies", list);
        model.addAttribute("deliveries", replies.deliveryOf(list));
        model.addAttribute("surveys", replies.surveys(id, scope));
        model.addAttribute("channels", CitizenReply.Channel.values());
        model.addAttribute("ratings", Survey.Rating.values());
        model.addAttribute("canRecord", me.can("citizen:survey:record"));
        java.util.Map<Long, String> unitNames = new java.util.HashMap<>();
        directory.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("unitNames", unitNames);
        return "citizen/replies";
    }

    @PostMapping("/events/{id}/replies")
    @PreAuthorize("hasAuthority('citizen:reply:send')")
    String reply(@PathVariable Long id, @RequestParam(required = false) Long orderId, @RequestParam(required = false) Long itemId,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已答复，任务单办结；群众评价后结果将显示在本页", () -> replies.reply(id, orderId, itemId,
                choice(CitizenReply.Channel.class, channel, "请选择答复方式"), text, accounts.currentScope(), signedIn()));
        return "redirect:/events/" + id + "/replies";
    }

    @PostMapping("/surveys/{id}/phone")
    @PreAuthorize("hasAuthority('citizen:survey:record')")
    String recordByPhone(@PathVariable Long id, @RequestParam(defaultValue = "0") Long eventId,
            @RequestParam(defaultValue = "") String rating, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        Flash.attempt(redirect, "电话回访已记录", () -> replies.recordByPhone(id,
                choice(Survey.Rating.class, rating, "请选择满意、基本满意或不满意"), comment, accounts.currentScope(), signedIn()));
        return "redirect:/events/" + eventId + "/replies";
    }

    static <E extends Enum<E>> E choice(Class<E> type, String name, String refusal) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("4.4", refusal);
        }
    }
}

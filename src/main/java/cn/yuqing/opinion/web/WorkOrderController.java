package cn.yuqing.opinion.web;

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

import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** A department's inbox of work orders: accept, or return with a reason. */
@Controller
class WorkOrderController {

    private final OpinionManagement opinions;
    private final OrganisationDirectory directory;
    private final Accounts accounts;

    WorkOrderController(OpinionManagement opinions, OrganisationDirectory directory, Accounts accounts) {
        this.opinions = opinions;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/work-orders")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String inbox(Model model) {
        DataScope scope = accounts.currentScope();
        var orders = opinions.inbox(scope);
        Map<Long, String> titles = opinions.titlesOf(orders);
        Map<Long, String> unitNames = new HashMap<>();
        directory.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("orders", orders);
        model.addAttribute("titles", titles);
        model.addAttribute("unitNames", unitNames);
        return "opinion/work-orders";
    }

    @PostMapping("/work-orders/{id}/accept")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String accept(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已接收", () -> opinions.accept(id, accounts.currentScope(), signedIn()));
        return "redirect:/work-orders";
    }

    @PostMapping("/work-orders/{id}/return")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String giveBack(@PathVariable Long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已退回，组织协调单位将重新研究", () ->
                opinions.giveBack(id, accounts.currentScope(), signedIn(), reason));
        return "redirect:/work-orders";
    }

    @PostMapping("/work-orders/{id}/resend")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String resend(@PathVariable Long id, @RequestParam Long eventId, @RequestParam(defaultValue = "") String duty,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已重新派发", () ->
                opinions.resend(id, accounts.currentScope(), signedIn(), duty));
        return "redirect:/events/" + eventId;
    }
}

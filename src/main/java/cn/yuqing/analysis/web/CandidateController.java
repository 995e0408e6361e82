package cn.yuqing.analysis.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.EventCandidate;
import cn.yuqing.analysis.ItemAnalysis;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.Flash;

/** The analyst's workbench: candidates by urgency, and one candidate with its items and suggestions. */
@Controller
class CandidateController {

    static final int MEMBERS_LISTED = 200;

    private final Candidates candidates;
    private final Items items;
    private final Accounts accounts;

    CandidateController(Candidates candidates, Items items, Accounts accounts) {
        this.candidates = candidates;
        this.items = items;
        this.accounts = accounts;
    }

    @GetMapping("/analysis/candidates")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    String queue(Model model) {
        var queue = candidates.queue(accounts.currentScope(), 200);
        model.addAttribute("candidates", queue);
        model.addAttribute("lastHour", candidates.lastHourNow(queue));
        return "analysis/candidates";
    }

    @GetMapping("/analysis/candidates/{id}")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    String show(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        EventCandidate candidate = candidates.require(id, scope);
        Candidates.Members members = candidates.newestItemsOf(id, MEMBERS_LISTED);
        Map<Long, OpinionItem> itemById = itemsOf(items, members);
        model.addAttribute("candidate", candidate);
        model.addAttribute("memberCount", members.total());
        model.addAttribute("members", members.newest());
        model.addAttribute("items", itemById);
        model.addAttribute("figures", candidates.figures(id));
        model.addAttribute("suggestion", candidates.suggestion(candidate));
        model.addAttribute("others", candidates.queue(scope, 100).stream().filter(c -> !c.id().equals(id)).toList());
        return "analysis/candidate";
    }

    /** The stored items of a page's members, by id, in one query. */
    static Map<Long, OpinionItem> itemsOf(Items items, Candidates.Members members) {
        Map<Long, OpinionItem> itemById = new HashMap<>();
        items.byIds(members.newest().stream().map(ItemAnalysis::itemId).toList()).forEach(i -> itemById.put(i.id(), i));
        return itemById;
    }

    @PostMapping("/analysis/candidates/{id}/merge")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    String merge(@PathVariable Long id, @RequestParam Long target, RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已合并", "redirect:/analysis/candidates/" + id, () -> {
            candidates.merge(id, target, accounts.currentScope());
            return "redirect:/analysis/candidates/" + target;
        });
    }

    @PostMapping("/analysis/candidates/{id}/move")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    String move(@PathVariable Long id, @RequestParam Long item, @RequestParam Long target, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已移入候选事件 " + target, () -> candidates.move(item, target, accounts.currentScope()));
        return "redirect:/analysis/candidates/" + id;
    }

    @PostMapping("/analysis/candidates/{id}/split")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    String split(@PathVariable Long id, @RequestParam(name = "items", required = false) List<Long> chosen,
            RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已拆分为新的候选事件", "redirect:/analysis/candidates/" + id, () -> {
            EventCandidate fresh = candidates.split(id, chosen == null ? List.of() : chosen, accounts.currentScope());
            return "redirect:/analysis/candidates/" + fresh.id();
        });
    }

    @PostMapping("/analysis/candidates/{id}/dismiss")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    String dismiss(@PathVariable Long id, RedirectAttributes redirect) {
        candidates.dismiss(id, accounts.currentScope());
        redirect.addFlashAttribute("notice", "已排除该候选事件");
        return "redirect:/analysis/candidates";
    }
}

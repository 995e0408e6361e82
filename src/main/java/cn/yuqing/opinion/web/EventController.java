package cn.yuqing.opinion.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.ItemAnalysis;
import cn.yuqing.intake.Items;
import cn.yuqing.opinion.EventRouting;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.opinion.WarningReport;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** The analyst's workbench of events and the event page; every step is one form, one service call. */
@Controller
class EventController {

    static final int ITEMS_LISTED = 100;

    private final OpinionManagement opinions;
    private final Candidates candidates;
    private final Items items;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final EventSteps steps;
    private final EventRouting routing;

    EventController(OpinionManagement opinions, EventRouting routing, Candidates candidates, Items items, OrganisationDirectory directory,
            Accounts accounts, EventSteps steps) {
        this.steps = steps;
        this.routing = routing;
        this.opinions = opinions;
        this.candidates = candidates;
        this.items = items;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/events")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String workbench(Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("events", opinions.visible(scope));
        model.addAttribute("unreported", opinions.unreported(scope));
        model.addAttribute("grades", gradeMap());
        return "opinion/events";
    }

    private Map<String, cn.yuqing.opinion.Grade> gradeMap() {
        Map<String, cn.yuqing.opinion.Grade> grades = new HashMap<>();
        opinions.grades().forEach(g -> grades.put(g.code(), g));
        return grades;
    }

    @PostMapping("/events")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String open(@RequestParam Long candidateId, RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已立为舆情事件", "redirect:/analysis/candidates/" + candidateId, () -> {
            OpinionEvent e = opinions.open(candidateId, accounts.currentScope(), signedIn());
            return "redirect:/events/" + e.id();
        });
    }

    @GetMapping("/events/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String show(@PathVariable Long id, Model model, HttpServletRequest request) {
        DataScope scope = accounts.currentScope();
        OpinionEvent e = opinions.require(id, scope);
        opinions.readReports(id, signedIn().personId());
        model.addAttribute("event", e);
        model.addAttribute("flow", cn.yuqing.opinion.WorkflowChart.svg(request.getContextPath() + "/standard", e.steps(), e.state()));
        model.addAttribute("grades", opinions.grades());
        model.addAttribute("gradeByCode", gradeMap());
        model.addAttribute("criteria", opinions.criteria());
        model.addAttribute("conclusions", cn.yuqing.opinion.Conclusion.values());
        model.addAttribute("kinds", cn.yuqing.opinion.MatterKind.values());
        model.addAttribute("parties", opinions.parties(id));
        List<WarningReport> reports = opinions.reports(id);
        model.addAttribute("reports", reports);
        model.addAttribute("talkingPoints", opinions.talkingPoints(id));
        model.addAttribute("orders", opinions.workOrders(id));
        var allUnits = directory.allUnits();
        Map<Long, String> unitNames = new HashMap<>();
        allUnits.forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("personNames", directory.namesOf(reports.stream().map(WarningReport::recipientId).toList()));
        var level = directory.requireRegion(e.levelRegionCode());
        model.addAttribute("units", allUnits.stream().filter(u -> u.region().code().equals(e.levelRegionCode())
                || u.region().isWithin(level)).toList());
        if (e.candidateId() != null) {
            var candidate = candidates.ofEvent(e.candidateId());
            model.addAttribute("suggestion", candidates.suggestion(candidate));
            Candidates.Members members = candidates.newestItemsOf(e.candidateId(), ITEMS_LISTED);
            model.addAttribute("itemCount", members.total());
            model.addAttribute("items", items.byIds(members.newest().stream().map(ItemAnalysis::itemId).toList()));
        }
        Map<String, String> categoryNames = new java.util.LinkedHashMap<>();
        directory.categories().forEach(c -> categoryNames.put(c.code(), c.name()));
        model.addAttribute("categoryNames", categoryNames);
        if (e.state() == cn.yuqing.opinion.EventState.VERIFYING) {
            model.addAttribute("suggestedMatter", routing.suggestedMatter(e));
        }
        if (e.state() != cn.yuqing.opinion.EventState.COLLECTED && e.state() != cn.yuqing.opinion.EventState.VERIFYING) {
            var decision = routing.suggest(e);
            model.addAttribute("routing", decision);
            model.addAttribute("routingWarnings", routing.warnings(decision, e));
            model.addAttribute("routingCoHandlers", decision.coHandlers().keySet().stream().map(u -> decision.unit(u).name()).toList());
        }
        return "opinion/event";
    }

    /** One form per step; the service refuses what the standard forbids and the page shows why. */
    @PostMapping("/events/{id}/steps/{step}")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String step(@PathVariable Long id, @PathVariable String step, @RequestParam long version, HttpServletRequest request,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已保存", () ->
                steps.perform(step, id, version, accounts.currentScope(), signedIn(), request::getParameter, request::getParameterValues));
        return "redirect:/events/" + id;
    }
}

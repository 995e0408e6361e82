package cn.yuqing.opinion.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.opinion.Conclusion;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.DomainRuleViolation;

/** The analyst's workbench of events and the event page; every step is one form, one service call. */
@Controller
class EventController {

    private final OpinionManagement opinions;
    private final Candidates candidates;
    private final Items items;
    private final OrganisationDirectory directory;
    private final Accounts accounts;

    EventController(OpinionManagement opinions, Candidates candidates, Items items, OrganisationDirectory directory,
            Accounts accounts) {
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
        try {
            OpinionEvent e = opinions.open(candidateId, accounts.currentScope(), me());
            redirect.addFlashAttribute("notice", "已立为舆情事件");
            return "redirect:/events/" + e.id();
        } catch (DomainRuleViolation ex) {
            redirect.addFlashAttribute("error", ex.describe());
            return "redirect:/analysis/candidates/" + candidateId;
        }
    }

    @GetMapping("/events/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String show(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        OpinionEvent e = opinions.require(id, scope);
        opinions.readReports(id, me().personId());
        model.addAttribute("event", e);
        model.addAttribute("grades", opinions.grades());
        model.addAttribute("gradeByCode", gradeMap());
        model.addAttribute("criteria", opinions.criteria());
        model.addAttribute("conclusions", Conclusion.values());
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("parties", opinions.parties(id));
        model.addAttribute("reports", opinions.reports(id));
        model.addAttribute("talkingPoints", opinions.talkingPoints(id));
        model.addAttribute("orders", opinions.workOrders(id));
        Map<Long, String> unitNames = new HashMap<>();
        directory.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("unitNames", unitNames);
        Map<Long, String> personNames = new HashMap<>();
        directory.peopleIn(DataScope.installation()).forEach(p -> personNames.put(p.id(), p.fullName()));
        model.addAttribute("personNames", personNames);
        model.addAttribute("units", directory.allUnits().stream().filter(u -> u.region().code().equals(e.levelRegionCode())
                || u.region().isWithin(directory.requireRegion(e.levelRegionCode()))).toList());
        if (e.candidateId() != null) {
            var candidate = candidates.require(e.candidateId(), DataScope.installation());
            model.addAttribute("suggestion", candidates.suggestion(candidate));
            List<ItemAnalysis> members = candidates.itemsOf(e.candidateId());
            List<OpinionItem> eventItems = members.stream().map(a -> items.require(a.itemId(), DataScope.installation()))
                    .toList();
            model.addAttribute("items", eventItems);
        }
        if (e.state() != cn.yuqing.opinion.EventState.COLLECTED && e.state() != cn.yuqing.opinion.EventState.VERIFYING) {
            model.addAttribute("routing", opinions.suggestRouting(e));
        }
        return "opinion/event";
    }

    /** One form per step; the service refuses what the standard forbids and the page shows why. */
    @PostMapping("/events/{id}/steps/{step}")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String step(@PathVariable Long id, @PathVariable String step, @RequestParam long version, HttpServletRequest request,
            RedirectAttributes redirect) {
        DataScope scope = accounts.currentScope();
        SignedInPerson me = me();
        try {
            switch (step) {
                case "start-verification" -> opinions.startVerification(id, version, scope, me);
                case "verify" -> opinions.verify(id, version, scope, me, request.getParameter("facts"),
                        request.getParameter("sources"), parse(Conclusion.class, request.getParameter("conclusion")),
                        parse(MatterKind.class, request.getParameter("kind")));
                case "flag" -> opinions.flag(id, version, scope, me, "true".equals(request.getParameter("warningSigns")),
                        "true".equals(request.getParameter("hotOrMajor")));
                case "judge" -> opinions.judge(id, version, scope, me, "true".equals(request.getParameter("key")),
                        request.getParameterValues("criteria") == null ? Set.of() : Set.of(request.getParameterValues("criteria")),
                        request.getParameter("grade"), "true".equals(request.getParameter("emergency")),
                        request.getParameter("reasons"));
                case "regrade" -> opinions.regrade(id, version, scope, me, request.getParameter("grade"),
                        "true".equals(request.getParameter("emergency")), request.getParameter("reason"));
                case "route" -> opinions.route(id, version, scope, me);
                case "override-routing" -> opinions.overrideRouting(id, version, scope, me,
                        Long.valueOf(request.getParameter("unitId")), request.getParameter("reason"));
                case "talking-points" -> opinions.addTalkingPoints(id, scope, me, request.getParameter("text"));
                case "plan" -> opinions.makePlan(id, version, scope, me, request.getParameter("channels"),
                        request.getParameter("methods"));
                case "start-response" -> opinions.startResponse(id, version, scope, me);
                case "start-follow-up" -> opinions.startFollowUp(id, version, scope, me);
                case "close" -> opinions.close(id, version, scope, me, request.getParameter("review"));
                case "reopen" -> opinions.reopen(id, version, scope, me, request.getParameter("reason"));
                default -> throw new DomainRuleViolation("未知的操作");
            }
            redirect.addFlashAttribute("notice", "已保存");
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "请选择单位");
        }
        return "redirect:/events/" + id;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("选项不正确");
        }
    }

    private static SignedInPerson me() {
        return Accounts.current().orElseThrow();
    }

    static String unitName(Unit u) {
        return u == null ? "" : u.name();
    }
}

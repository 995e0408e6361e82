package cn.yuqing.opinion.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.opinion.ChaseNotice;
import cn.yuqing.opinion.WorkOrder;
import cn.yuqing.opinion.WorkOrders;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;
import cn.yuqing.shared.GovernmentDocument;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * A unit's work orders (签收, 退单, 延期申请, 办结) on the phone as on the desk, and the
 * government office's side: 退单 to arbitrate and extensions to approve, the 催办通知书 and
 * 督办单 the clocks drafted, and the clocks' policy.
 */
@Controller
class WorkOrderController {

    private final WorkOrders workOrders;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final java.time.Clock clock;

    WorkOrderController(WorkOrders workOrders, OrganisationDirectory directory, Accounts accounts, java.time.Clock clock) {
        this.clock = clock;
        this.workOrders = workOrders;
        this.directory = directory;
        this.accounts = accounts;
    }

    private void common(Model model, List<WorkOrder> orders) {
        Map<Long, String> unitNames = new HashMap<>();
        directory.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("orders", orders);
        model.addAttribute("titles", workOrders.titlesOf(orders));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("policy", workOrders.policy());
        model.addAttribute("reasons", WorkOrder.SendBackReason.values());
        model.addAttribute("now", clock.instant());
    }

    @GetMapping("/work-orders")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String inbox(Model model) {
        common(model, workOrders.inbox(accounts.currentScope()));
        return "opinion/work-orders";
    }

    @PostMapping("/work-orders/{id}/accept")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String signFor(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已签收", () -> workOrders.signFor(id, accounts.currentScope(), signedIn()));
        return "redirect:/work-orders";
    }

    @PostMapping("/work-orders/{id}/return")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String sendBack(@PathVariable Long id, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已退单，等待政府办公室仲裁", () ->
                workOrders.sendBack(id, accounts.currentScope(), signedIn(), reasonCode(code), reason));
        return "redirect:/work-orders";
    }

    static WorkOrder.SendBackReason reasonCode(String code) {
        try {
            return WorkOrder.SendBackReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("3", "请选择退单理由");
        }
    }

    @PostMapping("/work-orders/{id}/extension")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String requestExtension(@PathVariable Long id, @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Flash.attempt(redirect, "延期申请已提交，等待政府办公室审批", () -> workOrders.requestExtension(id, accounts.currentScope(),
                signedIn(), Times.parseLocal(until).orElseThrow(() -> new DomainRuleViolation("请填写申请延至的时间")), reason));
        return "redirect:/work-orders";
    }

    @PostMapping("/work-orders/{id}/complete")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    String complete(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已办结", () -> workOrders.complete(id, accounts.currentScope(), signedIn()));
        return "redirect:/work-orders";
    }

    @GetMapping("/work-orders/decisions")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String decisions(Model model) {
        DataScope scope = accounts.currentScope();
        List<WorkOrder> awaiting = workOrders.awaitingDecision(scope, signedIn());
        common(model, awaiting);
        Map<Long, Unit> suggestions = new HashMap<>();
        Map<Long, List<Unit>> choices = new HashMap<>();
        for (WorkOrder o : awaiting) {
            if (o.status() == WorkOrder.Status.RETURNED) {
                Unit s = workOrders.suggestedInstead(o);
                if (s != null) {
                    suggestions.put(o.id(), s);
                }
                choices.put(o.id(), workOrders.unitsToRouteTo(o));
            }
        }
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("choices", choices);
        return "opinion/work-order-decisions";
    }

    @PostMapping("/work-orders/{id}/arbitration")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String arbitrate(@PathVariable Long id, @RequestParam(defaultValue = "") String decision, @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        switch (decision) {
            case "UPHOLD" -> Flash.attempt(redirect, "退单成立，已改派", () ->
                    workOrders.uphold(id, accounts.currentScope(), signedIn(), unitId, note));
            case "REJECT" -> Flash.attempt(redirect, "已退回原单位办理", () ->
                    workOrders.reject(id, accounts.currentScope(), signedIn(), note));
            default -> Flash.attempt(redirect, "", () -> {
                throw new DomainRuleViolation("3", "请选择仲裁结果：退单成立或不成立");
            });
        }
        return "redirect:/work-orders/decisions";
    }

    @PostMapping("/work-orders/{id}/extension-decision")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String decideExtension(@PathVariable Long id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        boolean approve = "APPROVE".equals(decision);
        Flash.attempt(redirect, approve ? "已同意延期" : "已不同意延期", () -> {
            if (!approve && !"REFUSE".equals(decision)) {
                throw new DomainRuleViolation("请选择同意或不同意");
            }
            workOrders.decideExtension(id, accounts.currentScope(), signedIn(), approve, note);
        });
        return "redirect:/work-orders/decisions";
    }

    @GetMapping("/work-orders/chases")
    @PreAuthorize("hasAuthority('opinion:order:handle') or hasAuthority('opinion:order:arbitrate')")
    String chases(Model model) {
        List<ChaseNotice> notices = workOrders.chaseNotices(accounts.currentScope(), signedIn());
        Map<Long, String> unitNames = new HashMap<>();
        directory.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("notices", notices);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("canIssue", signedIn().can(cn.yuqing.opinion.OpinionPermissions.ORDER_ARBITRATE));
        return "opinion/chase-notices";
    }

    @PostMapping("/work-orders/chases/{id}/issue")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String issue(@PathVariable Long id, @RequestParam(defaultValue = "-1") long version, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已印发", () -> workOrders.issue(id, version, accounts.currentScope(), signedIn(), text));
        return "redirect:/work-orders/chases";
    }

    @GetMapping("/work-orders/chases/{id}/document.docx")
    @PreAuthorize("hasAuthority('opinion:order:handle') or hasAuthority('opinion:order:arbitrate')")
    ResponseEntity<byte[]> document(@PathVariable Long id) {
        ChaseNotice c = workOrders.chaseNotice(id, accounts.currentScope(), signedIn());
        return ResponseEntity.ok().contentType(GovernmentDocument.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.kind().label() + c.number() + ".docx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(workOrders.document(c));
    }

    @GetMapping("/work-orders/policy")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String policy(Model model) {
        model.addAttribute("policy", workOrders.policy());
        return "opinion/work-order-policy";
    }

    @PostMapping("/work-orders/policy")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    String changePolicy(@RequestParam(defaultValue = "-1") long version, @RequestParam(defaultValue = "0") int signForMajorMinutes,
            @RequestParam(defaultValue = "0") int signForWorkingHours, @RequestParam(defaultValue = "0") int dueMajorHours,
            @RequestParam(defaultValue = "0") int dueWorkingDays, @RequestParam(defaultValue = "0") int arbitrationWorkingHours,
            @RequestParam(defaultValue = "0") int redoWorkingDays, @RequestParam(defaultValue = "0") int superviseAfterWorkingDays,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "时限规则已保存，此后派发的任务单按新规则计时", () -> workOrders.changePolicy(version, signedIn(),
                signForMajorMinutes, signForWorkingHours, dueMajorHours, dueWorkingDays, arbitrationWorkingHours, redoWorkingDays,
                superviseAfterWorkingDays));
        return "redirect:/work-orders/policy";
    }
}

package cn.yuqing.opinion.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.opinion.WorkOrder;
import cn.yuqing.opinion.WorkOrders;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.JsonBody;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * The work orders as JSON, under the same permissions and scope as the pages: the unit's
 * {@code sign-for}, {@code send-back} ({@code {"reason": "NOT_TERRITORY", "evidence": "…"}}),
 * {@code extension} ({@code {"until": "2027-11-12T09:00:00Z", "reason": "…"}}), {@code complete};
 * the government office's {@code arbitration} ({@code {"decision": "UPHOLD", "unitId": 7, "note": "…"}}
 * or {@code "REJECT"} with the instruction as {@code note}) and {@code extension-decision}
 * ({@code {"approve": true, "note": "…"}}).
 */
@RestController
class WorkOrderApiController {

    private final WorkOrders workOrders;
    private final Accounts accounts;

    WorkOrderApiController(WorkOrders workOrders, Accounts accounts) {
        this.workOrders = workOrders;
        this.accounts = accounts;
    }

    enum Decision { UPHOLD, REJECT }

    @GetMapping("/api/work-orders")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    List<EventApiController.OrderView> inbox() {
        return workOrders.inbox(accounts.currentScope()).stream().map(EventApiController.OrderView::of).toList();
    }

    @GetMapping("/api/work-orders/decisions")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    List<EventApiController.OrderView> awaitingDecision() {
        return workOrders.awaitingDecision(accounts.currentScope(), signedIn()).stream().map(EventApiController.OrderView::of).toList();
    }

    @PostMapping("/api/work-orders/{id}/sign-for")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    EventApiController.OrderView signFor(@PathVariable Long id) {
        return EventApiController.OrderView.of(workOrders.signFor(id, accounts.currentScope(), signedIn()));
    }

    @PostMapping("/api/work-orders/{id}/send-back")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    EventApiController.OrderView sendBack(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        WorkOrder.SendBackReason code = JsonBody.choice(body, "reason", WorkOrder.SendBackReason.class, null);
        return EventApiController.OrderView.of(workOrders.sendBack(id, accounts.currentScope(), signedIn(), code,
                JsonBody.text(body, "evidence")));
    }

    @PostMapping("/api/work-orders/{id}/extension")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    EventApiController.OrderView requestExtension(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Instant until;
        try {
            until = Instant.parse(String.valueOf(body.get("until")));
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("until 应为 ISO-8601 时刻，如 2027-11-12T09:00:00Z");
        }
        return EventApiController.OrderView.of(workOrders.requestExtension(id, accounts.currentScope(), signedIn(), until,
                JsonBody.text(body, "reason")));
    }

    @PostMapping("/api/work-orders/{id}/complete")
    @PreAuthorize("hasAuthority('opinion:order:handle')")
    EventApiController.OrderView complete(@PathVariable Long id) {
        return EventApiController.OrderView.of(workOrders.complete(id, accounts.currentScope(), signedIn()));
    }

    @PostMapping("/api/work-orders/{id}/arbitration")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    EventApiController.OrderView arbitrate(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Decision decision = JsonBody.choice(body, "decision", Decision.class, null);
        String note = JsonBody.text(body, "note");
        WorkOrder o = decision == Decision.UPHOLD
                ? workOrders.uphold(id, accounts.currentScope(), signedIn(), JsonBody.id(body, "unitId"), note)
                : workOrders.reject(id, accounts.currentScope(), signedIn(), note);
        return EventApiController.OrderView.of(o);
    }

    @PostMapping("/api/work-orders/{id}/extension-decision")
    @PreAuthorize("hasAuthority('opinion:order:arbitrate')")
    EventApiController.OrderView decideExtension(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        if (!(body.get("approve") instanceof Boolean approve)) {
            throw new DomainRuleViolation("approve 应为 true 或 false");
        }
        return EventApiController.OrderView.of(workOrders.decideExtension(id, accounts.currentScope(), signedIn(), approve,
                JsonBody.text(body, "note")));
    }
}

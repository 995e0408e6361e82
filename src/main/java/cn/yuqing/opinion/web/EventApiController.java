package cn.yuqing.opinion.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.opinion.EventParty;
import cn.yuqing.opinion.EventStep;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.opinion.EventRouting;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.DomainRuleViolation;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * The workflow as JSON for other government systems and automation (HTTP Basic, same permissions
 * and data scope as the pages; see docs/api.md):
 * {@code GET /api/events}, {@code GET /api/events/{id}}, {@code POST /api/events {"candidateId": …}},
 * {@code POST /api/events/{id}/steps/{step} {"version": …, …}}, {@code GET /api/events/{id}/routing} (clause 3 as
 * the rules suggest it), {@code GET /api/events/{id}/work-orders}.
 */
@RestController
class EventApiController {

    private final OpinionManagement opinions;
    private final Accounts accounts;
    private final EventSteps steps;
    private final EventRouting routing;

    EventApiController(OpinionManagement opinions, Accounts accounts, EventSteps steps, EventRouting routing) {
        this.routing = routing;
        this.opinions = opinions;
        this.accounts = accounts;
        this.steps = steps;
    }

    record EventView(Long id, String title, String state, String grade, boolean emergency, String firstKnownAt,
            Boolean keyResponse, List<String> criteria, String mainCategory, List<String> otherCategories,
            Long responsibleUnitId, Long leadUnitId, String routing, long version,
            List<Map<String, Object>> parties, List<Map<String, Object>> steps, List<String> possibleSteps) {

        static EventView of(OpinionEvent e, List<EventParty> parties) {
            List<Map<String, Object>> p = new ArrayList<>();
            for (EventParty party : parties) {
                p.add(Map.of("unitId", party.unitId(), "role", party.role().name(), "duty", party.duty() == null ? "" : party.duty()));
            }
            List<Map<String, Object>> s = new ArrayList<>();
            for (EventStep step : e.steps()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("action", step.action());
                m.put("to", step.toState() == null ? null : step.toState().name());
                m.put("clause", step.clause());
                m.put("actor", step.actor());
                m.put("at", step.at().toString());
                m.put("note", step.note());
                s.add(m);
            }
            return new EventView(e.id(), e.title(), e.state().name(), e.grade(), e.emergency(), e.firstKnownAt().toString(),
                    e.keyResponse(), List.copyOf(e.criteria()), e.mainCategory(), e.otherCategories(), e.responsibleUnitId(),
                    e.leadUnitId(), e.routing(), e.version(), p, s,
                    e.possibleActions().stream().map(a -> a.name().toLowerCase().replace('_', '-')).toList());
        }
    }

    @GetMapping("/api/events")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<EventView> list() {
        return opinions.visible(accounts.currentScope()).stream().map(e -> EventView.of(e, List.of())).toList();
    }

    @GetMapping("/api/events/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    EventView get(@PathVariable Long id) {
        return EventView.of(opinions.require(id, accounts.currentScope()), opinions.parties(id));
    }

    record RoutingView(Long responsibleUnitId, String responsible, Long leadUnitId, String lead, Map<Long, String> coHandlers,
            Map<Long, String> coordinators, boolean principalLeader, String mainCategory, boolean matterConfirmed,
            String explanation, List<String> warnings) {
    }

    /** Clause 3 as the rules suggest it now, with what would happen to parties nobody can receive work for. */
    @GetMapping("/api/events/{id}/routing")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    RoutingView routing(@PathVariable Long id) {
        OpinionEvent e = opinions.require(id, accounts.currentScope());
        var d = routing.suggest(e);
        Map<Long, String> co = new LinkedHashMap<>();
        d.coHandlers().keySet().forEach(u -> co.put(u, d.unit(u).name()));
        Map<Long, String> coordinators = new LinkedHashMap<>();
        d.coordinators().keySet().forEach(u -> coordinators.put(u, d.unit(u).name()));
        var matter = routing.matterOf(e);
        return new RoutingView(d.responsible().id(), d.responsible().name(), d.lead() == null ? null : d.lead().id(),
                d.lead() == null ? null : d.lead().name(), co, coordinators, d.principalLeaderInvolved(), matter.main(),
                matter.confirmed(), d.explain(), routing.warnings(d, e));
    }

    record OrderView(Long id, Long eventId, Long unitId, Long partyUnitId, String duty, String status, String statusLabel,
            String reason, String sentAt, String signForDue, String signedAt, String dueAt, String sendBackReason, String arbitration,
            String arbitrationNote, String arbitrationDue, String extensionUntil, String extensionReason, int returns,
            int wrongfulSendBacks, int extensionsApproved, int redos) {

        static OrderView of(cn.yuqing.opinion.WorkOrder o) {
            return new OrderView(o.id(), o.eventId(), o.unitId(), o.partyUnitId(), o.duty(), o.status().name(), o.status().label(),
                    o.reason(), text(o.sentAt()), text(o.signForDue()), text(o.signedAt()), text(o.dueAt()),
                    o.sendBackReason() == null ? null : o.sendBackReason().name(), o.arbitration() == null ? null : o.arbitration().name(),
                    o.arbitrationNote(), text(o.arbitrationDue()), text(o.extensionUntil()), o.extensionReason(), o.returns(),
                    o.wrongfulSendBacks(), o.extensionsApproved(), o.redos());
        }

        private static String text(java.time.Instant at) {
            return at == null ? null : at.toString();
        }
    }

    @GetMapping("/api/events/{id}/work-orders")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<OrderView> workOrders(@PathVariable Long id) {
        opinions.require(id, accounts.currentScope());
        return opinions.workOrders(id).stream().map(OrderView::of).toList();
    }

    @PostMapping("/api/events")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    ResponseEntity<EventView> open(@RequestBody Map<String, Object> body) {
        Object candidate = body.get("candidateId");
        if (!(candidate instanceof Number n)) {
            throw new DomainRuleViolation("candidateId 应为候选事件编号（整数）");
        }
        OpinionEvent e = opinions.open(n.longValue(), accounts.currentScope(), signedIn());
        return ResponseEntity.status(201).body(EventView.of(e, opinions.parties(e.id())));
    }

    /** The same steps as the page's forms; {@code version} is the one last read (stale edits are refused). */
    @PostMapping("/api/events/{id}/steps/{step}")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    EventView step(@PathVariable Long id, @PathVariable String step, @RequestBody Map<String, Object> body) {
        if (!(body.get("version") instanceof Number version)) {
            throw new DomainRuleViolation("version 应为事件的当前版本号（整数）");
        }
        OpinionEvent e = steps.perform(step, id, version.longValue(), accounts.currentScope(), signedIn(),
                key -> body.get(key) == null ? null : String.valueOf(body.get(key)),
                key -> body.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toArray(String[]::new) : null);
        return EventView.of(e, opinions.parties(id));
    }
}

package cn.yuqing.opinion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.Roster;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.WorkingHours;

/**
 * Work orders follow the parties (clause 3): each party but the coordinators holds one, a unit
 * removed by re-routing has its order withdrawn with the reason, and no order goes into the void —
 * a party with nobody to receive it has it held by its superior department, else by the
 * government office of the level, which coordinates every response and can find the people.
 */
@Component
class WorkOrderDispatch {

    private final WorkOrderRepository orders;
    private final PartyRepository parties;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final WorkOrderPolicyRepository policies;
    private final GradeRepository grades;
    private final WorkingHours workingHours;

    WorkOrderDispatch(WorkOrderRepository orders, PartyRepository parties, OrganisationDirectory directory,
            ApplicationEventPublisher publisher, Clock clock, WorkOrderPolicyRepository policies, GradeRepository grades,
            WorkingHours workingHours) {
        this.policies = policies;
        this.grades = grades;
        this.workingHours = workingHours;
        this.orders = orders;
        this.parties = parties;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Whether anyone can receive the unit's work: a responder, a head or (for a government) its
     * principal leader. Asked of one roster per operation: reading the directory per party would
     * load every person again for each.
     */
    private static boolean staffed(Unit unit, Roster roster) {
        return !roster.peopleOf(Set.of(unit.id()), Role.RESPONDER, Role.DEPARTMENT_HEAD, Role.PRINCIPAL_LEADER).isEmpty();
    }

    /** Who receives the party's order: the party, else its superior department, else the government office of the level. */
    private Unit holderFor(Unit party, String levelRegionCode, Roster roster) {
        return staffed(party, roster) ? party : standIn(party, levelRegionCode, roster);
    }

    private Unit standIn(Unit party, String levelRegionCode, Roster roster) {
        if (party.superior() != null && staffed(party.superior(), roster)) {
            return party.superior();
        }
        return directory.governmentOfficeOf(levelRegionCode).orElse(party);
    }

    /** What the page says of each party with nobody to receive its work, before any order is sent. */
    List<String> warnings(List<Unit> handling, String levelRegionCode) {
        Roster roster = directory.roster();
        List<String> warnings = new ArrayList<>();
        for (Unit party : handling) {
            if (!staffed(party, roster)) {
                Unit holder = standIn(party, levelRegionCode, roster);
                warnings.add(party.name() + "尚无在岗的回应人员或负责人：" + (holder.id().equals(party.id())
                        ? "任务单无人接收，请先在用户管理中为其设置人员"
                        : "任务单将由" + holder.name() + "代收并督促落实（第3条）"));
            }
        }
        return warnings;
    }

    /** Each party (coordinators aside) without an order it still holds gets one. Returns the orders sent. */
    List<WorkOrder> send(OpinionEvent e) {
        Set<Long> ordered = new HashSet<>();
        orders.findByEvent(e.id()).stream().filter(o -> o.status() != WorkOrder.Status.WITHDRAWN)
                .forEach(o -> ordered.add(o.partyUnitId()));
        List<WorkOrder> sent = new ArrayList<>();
        Roster roster = directory.roster();
        boolean major = e.grade() != null && grades.findById(e.grade()).map(Grade::majorOrAbove).orElse(false);
        WorkOrderPolicy.Clocks clocks = policies.current().clocksFor(major, clock.instant(), workingHours);
        for (EventParty p : parties.findByEvent(e.id())) {
            if (p.role() == EventParty.Role.COORDINATOR || !ordered.add(p.unitId())) {
                continue;
            }
            Unit party = directory.requireUnit(p.unitId());
            Unit holder = holderFor(party, e.levelRegionCode(), roster);
            String duty = dutyOf(p, party, holder);
            WorkOrder o = orders.save(new WorkOrder(e.id(), holder.id(), party.id(), duty, clock.instant(), clocks));
            sent.add(o);
            Set<Long> people = roster.peopleOf(Set.of(holder.id()), Role.RESPONDER, Role.DEPARTMENT_HEAD,
                    Role.GOVERNMENT_OFFICE, Role.PRINCIPAL_LEADER);
            tell(people, "新任务单：" + e.title(), duty + "。请于" + o.signForDueText() + "前签收，" + o.dueAtText() + "前办结");
        }
        return sent;
    }

    /**
     * After a person re-routed the event: orders of units no longer parties are withdrawn with the
     * reason, and once the plan is made the new parties get theirs. The event's record names both.
     */
    void reconcile(OpinionEvent e, boolean planMade, String reason, String actor) {
        Map<Long, EventParty> roleOf = new java.util.LinkedHashMap<>();
        parties.findByEvent(e.id()).stream().filter(p -> p.role() != EventParty.Role.COORDINATOR)
                .forEach(p -> roleOf.putIfAbsent(p.unitId(), p));
        Set<Long> partyUnits = roleOf.keySet();
        List<String> withdrawn = new ArrayList<>();
        List<Long> withdrawnIds = new ArrayList<>();
        List<String> retasked = new ArrayList<>();
        for (WorkOrder o : orders.findByEvent(e.id())) {
            if (o.holdsDuty() && partyUnits.contains(o.partyUnitId())) {
                // a unit that stays a party in another role (a co-operating unit made responsible) is asked what the new role asks
                String duty = dutyOf(roleOf.get(o.partyUnitId()), directory.requireUnit(o.partyUnitId()), directory.requireUnit(o.unitId()));
                if (!duty.equals(o.duty())) {
                    o.retask(duty);
                    retasked.add(directory.requireUnit(o.partyUnitId()).name() + "（" + roleOf.get(o.partyUnitId()).role().label() + "）");
                    tell(directory.peopleOf(Set.of(o.unitId()), Role.RESPONDER, Role.DEPARTMENT_HEAD),
                            "任务单职责调整：" + e.title(), duty);
                }
            }
            if (o.holdsDuty() && !partyUnits.contains(o.partyUnitId())) {
                o.withdraw("责任主体已调整：" + reason, clock.instant());
                withdrawn.add(directory.requireUnit(o.partyUnitId()).name());
                withdrawnIds.add(o.id());
                tell(directory.peopleOf(Set.of(o.unitId()), Role.RESPONDER, Role.DEPARTMENT_HEAD),
                        "任务单已撤回：" + e.title(), "责任主体已调整，本单位不再承办。理由：" + reason);
            }
        }
        List<String> sent = planMade ? send(e).stream().map(o -> directory.requireUnit(o.partyUnitId()).name()).toList()
                : List.of();
        if (!withdrawn.isEmpty() || !sent.isEmpty() || !retasked.isEmpty()) {
            List<String> said = new ArrayList<>();
            if (!withdrawn.isEmpty()) {
                said.add("撤回任务单：" + String.join("、", withdrawn) + "（理由：" + reason + "）");
            }
            if (!sent.isEmpty()) {
                said.add("派发任务单：" + String.join("、", sent));
            }
            if (!retasked.isEmpty()) {
                said.add("调整任务单职责：" + String.join("、", retasked));
            }
            e.record("REDISPATCH_ORDERS", e.state(), e.state(), "3", actor, clock.instant(), String.join("；", said),
                    Map.of("withdrawn", withdrawnIds, "sent", sent, "retasked", retasked));
        }
    }

    /** What the order asks of its party, as its role on the event says. */
    private static String dutyOf(EventParty p, Unit party, Unit holder) {
        String duty = p.role().label() + "：" + (p.duty() == null ? "" : p.duty()) + "；按口径回应";
        return holder.id().equals(party.id()) ? duty : "代" + party.name() + "接收（该单位尚无在岗的回应人员或负责人）：" + duty;
    }

    private void tell(Set<Long> people, String title, String text) {
        if (!people.isEmpty()) {
            publisher.publishEvent(new NotificationRequested(people, title, text, "/work-orders", false));
        }
    }
}

package cn.yuqing.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.Times;
import cn.yuqing.shared.WorkingHours;

/**
 * A unit's work orders and the government office's decisions on them: 签收, 退单 and its
 * arbitration (upheld: the event re-routed by clause 3; wrongful: back to the unit with an
 * instruction), 延期申请 and its approval, 办结 and 重办, and the 催办通知书 / 督办单 the clocks
 * draft. Every step is written into the event's record (the timeline, the review, the audit).
 */
@Service
@Transactional
public class WorkOrders {

    private final WorkOrderRepository orders;
    private final EventRepository events;
    private final PartyRepository parties;
    private final WorkOrderPolicyRepository policies;
    private final ChaseNoticeRepository chases;
    private final OpinionManagement opinions;
    private final EventRouting routing;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final WorkingHours workingHours;
    private final Clock clock;

    WorkOrders(WorkOrderRepository orders, EventRepository events, PartyRepository parties, WorkOrderPolicyRepository policies,
            ChaseNoticeRepository chases, OpinionManagement opinions, EventRouting routing, OrganisationDirectory directory,
            ApplicationEventPublisher publisher, WorkingHours workingHours, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.parties = parties;
        this.policies = policies;
        this.chases = chases;
        this.opinions = opinions;
        this.routing = routing;
        this.directory = directory;
        this.publisher = publisher;
        this.workingHours = workingHours;
        this.clock = clock;
    }

    // ---- the unit ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<WorkOrder> inbox(DataScope scope) {
        return scope.installationWide() ? orders.findAll() : orders.findForUnits(scope.queryIds());
    }

    /** The titles of the orders' events: an order admits its event's title, also to a unit holding it for another. */
    @Transactional(readOnly = true)
    public Map<Long, String> titlesOf(List<WorkOrder> list) {
        Map<Long, String> titles = new HashMap<>();
        events.findAllById(list.stream().map(WorkOrder::eventId).distinct().toList()).forEach(e -> titles.put(e.id(), e.title()));
        return titles;
    }

    /** The order, if the reader's unit holds it. */
    @Transactional(readOnly = true)
    public WorkOrder held(Long orderId, DataScope scope) {
        return orders.findById(orderId).filter(o -> scope.covers(o.unitId())).orElseThrow(() -> new NotFound("任务单"));
    }

    /** The order, if the reader's scope covers its event (the coordinators, the office). */
    @Transactional(readOnly = true)
    public WorkOrder ofEvent(Long orderId, DataScope scope) {
        WorkOrder o = orders.findById(orderId).orElseThrow(() -> new NotFound("任务单"));
        opinions.require(o.eventId(), scope);
        return o;
    }

    /** The order for a decision of the office of its event's level (or above), which is not the unit decided on. */
    private WorkOrder forArbiter(Long orderId, DataScope scope, SignedInPerson by) {
        WorkOrder o = ofEvent(orderId, scope);
        if (!arbiterOf(o, by)) {
            throw new DomainRuleViolation("3", "只有本级或上级政府办公室可以仲裁退单、审批延期和印发催办督办文书，且不能对本单位的任务单作决定");
        }
        return o;
    }

    private boolean arbiterOf(WorkOrder o, SignedInPerson by) {
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        return directory.isOfficeFor(by.unitId(), e.levelRegionCode()) && !by.unitId().equals(o.unitId())
                && !by.unitId().equals(o.partyUnitId());
    }

    public WorkOrder signFor(Long orderId, DataScope scope, SignedInPerson by) {
        WorkOrder o = held(orderId, scope);
        boolean late = clock.instant().isAfter(o.signForDue());
        o.signFor(clock.instant());
        note(o, "ACCEPT_ORDER", by.getUsername(), unitName(o) + "签收任务单" + (late ? "（超过签收时限" + o.signForDueText() + "）" : ""));
        return o;
    }

    /** 退单 with a reason code and evidence; the government office of the event's level arbitrates within its clock. */
    public WorkOrder sendBack(Long orderId, DataScope scope, SignedInPerson by, WorkOrder.SendBackReason code, String evidence) {
        WorkOrder o = held(orderId, scope);
        if (evidence != null && evidence.length() > 1000) {
            throw new DomainRuleViolation("3", "退单理由不超过1000字");
        }
        o.sendBack(code, evidence, clock.instant(), policies.current().arbitrationDue(clock.instant(), workingHours));
        note(o, "RETURN_ORDER", by.getUsername(), unitName(o) + "退单（" + code.label() + "）：" + o.reason()
                + "；请于" + o.arbitrationDueText() + "前仲裁");
        tell(arbiters(o), "退单待仲裁：" + title(o), unitName(o) + "退单（" + code.label() + "）：" + o.reason(), "/work-orders/decisions");
        return o;
    }

    public WorkOrder requestExtension(Long orderId, DataScope scope, SignedInPerson by, Instant until, String reason) {
        WorkOrder o = held(orderId, scope);
        if (reason != null && reason.length() > 1000) {
            throw new DomainRuleViolation("延期理由不超过1000字");
        }
        o.requestExtension(until, reason, clock.instant());
        note(o, "REQUEST_EXTENSION", by.getUsername(), unitName(o) + "申请将办理时限由" + o.dueAtText() + "延至"
                + o.extensionUntilText() + "：" + o.extensionReason());
        tell(arbiters(o), "延期申请待审批：" + title(o), unitName(o) + "申请延至" + o.extensionUntilText() + "：" + o.extensionReason(),
                "/work-orders/decisions");
        return o;
    }

    /** 办结 by the unit itself, for an order whose answer is the response it owed, not a reply to a citizen. */
    public WorkOrder complete(Long orderId, DataScope scope, SignedInPerson by) {
        WorkOrder o = held(orderId, scope);
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        if (o.partyUnitId().equals(e.responsibleUnitId()) && !opinions.contactableItemIds(e.id(), 1).isEmpty()) {
            // the responsible unit answers the citizen who left a way back, and so is followed up (回访)
            throw new DomainRuleViolation("4.4", "本事件有留下联系方式的群众，请用“答复群众”答复后办结，以便回访");
        }
        o.complete(clock.instant());
        note(o, "COMPLETE_ORDER", by.getUsername(), unitName(o) + "办结任务单");
        return o;
    }

    // ---- the government office ---------------------------------------------------------------

    /** 退单 and extension requests awaiting the reader's decision as the office of their event's level, oldest first. */
    @Transactional(readOnly = true)
    public List<WorkOrder> awaitingDecision(DataScope scope, SignedInPerson by) {
        return orders.findAwaitingDecision().stream().filter(o -> covers(scope, o.eventId()) && arbiterOf(o, by)).toList();
    }

    private boolean covers(DataScope scope, Long eventId) {
        return events.findById(eventId).map(e -> opinions.covers(e, scope)).orElse(false);
    }

    /** What the routing of clause 3 now suggests for an upheld 退单: a unit other than the one sending it back, if any. */
    @Transactional(readOnly = true)
    public Unit suggestedInstead(WorkOrder o) {
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        Unit suggested = routing.suggest(e).responsible();
        return suggested == null || suggested.id().equals(o.partyUnitId()) ? null : suggested;
    }

    /** The units the office may re-route to: of the event's level or below, but not the one sending the order back. */
    @Transactional(readOnly = true)
    public List<Unit> unitsToRouteTo(WorkOrder o) {
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        var level = directory.requireRegion(e.levelRegionCode());
        return directory.allUnits().stream()
                .filter(u -> u.region().code().equals(level.code()) || u.region().isWithin(level))
                .filter(u -> !u.id().equals(o.partyUnitId()) && !u.id().equals(o.unitId())).toList();
    }

    /**
     * Upheld: the unit is relieved and the event re-routed to the unit the office names, the routing
     * reasons of clause 3 recomputed and kept; the new party gets its order with fresh clocks.
     */
    public WorkOrder uphold(Long orderId, DataScope scope, SignedInPerson by, Long newUnitId, String note) {
        WorkOrder o = forArbiter(orderId, scope, by);
        if (newUnitId == null || newUnitId.equals(o.partyUnitId())) {
            throw new DomainRuleViolation("3", "退单成立须改派给另一个单位，请选择承办单位");
        }
        if (note != null && note.length() > 1000) {
            throw new DomainRuleViolation("3", "仲裁意见不超过1000字");
        }
        o.uphold(note, clock.instant());
        orders.flush();
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        String why = clip("退单成立（" + o.sendBackReason().label() + "）：" + o.reason(), 300);
        Long leaving = o.partyUnitId();
        // the unit named takes the leaving unit's place in whichever roles it held; the other parties stay
        Long responsible = leaving.equals(e.responsibleUnitId()) ? newUnitId : e.responsibleUnitId();
        Long lead = e.leadUnitId() == null || leaving.equals(e.leadUnitId()) ? newUnitId : e.leadUnitId();
        List<Long> co = new java.util.ArrayList<>(otherCoHandlers(e, leaving));
        if (!leaving.equals(e.responsibleUnitId()) && !leaving.equals(e.leadUnitId())) {
            co.add(newUnitId);
        }
        routing.override(e.id(), e.version(), scope, by, responsible, lead, co, why);
        note(o, "ARBITRATE_ORDER", by.getUsername(), "仲裁：" + WorkOrder.Arbitration.UPHELD.label() + "，改由"
                + directory.requireUnit(newUnitId).name() + "承办" + (o.arbitrationNote() == null ? "" : "。意见：" + o.arbitrationNote()));
        tell(holders(o), "退单已仲裁：" + title(o), "退单成立，本单位不再承办", "/work-orders");
        return o;
    }

    private List<Long> otherCoHandlers(OpinionEvent e, Long leaving) {
        return parties.findByEvent(e.id()).stream().filter(p -> p.role() == EventParty.Role.CO_HANDLER)
                .map(EventParty::unitId).filter(u -> !u.equals(leaving)).distinct().toList();
    }

    /** Wrongful: back to the unit with the office's instruction; the sign-for clock starts again; it counts against the unit. */
    public WorkOrder reject(Long orderId, DataScope scope, SignedInPerson by, String instruction) {
        WorkOrder o = forArbiter(orderId, scope, by);
        if (instruction != null && instruction.length() > 1000) {
            throw new DomainRuleViolation("3", "办理要求不超过1000字");
        }
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        boolean major = opinions.majorOrAbove(e);
        WorkOrderPolicy policy = policies.current();
        o.reject(instruction, clock.instant(), policy.remindAt(major, clock.instant(), workingHours),
                policy.signForDue(major, clock.instant(), workingHours));
        note(o, "ARBITRATE_ORDER", by.getUsername(), "仲裁：" + WorkOrder.Arbitration.REJECTED.label() + "（" + unitName(o)
                + "）。办理要求：" + o.arbitrationNote());
        tell(holders(o), "退单未获支持：" + title(o), "请按要求办理：" + o.arbitrationNote(), "/work-orders");
        return o;
    }

    public WorkOrder decideExtension(Long orderId, DataScope scope, SignedInPerson by, boolean approve, String note) {
        WorkOrder o = forArbiter(orderId, scope, by);
        if (note != null && note.length() > 1000) {
            throw new DomainRuleViolation("审批意见不超过1000字");
        }
        String reason = o.extensionReason();
        Instant until = o.decideExtension(approve);
        String text = (approve ? "同意延期：办理时限延至" + Times.format(until) : "不同意延期，办理时限仍为" + o.dueAtText())
                + "（申请理由：" + reason + "）" + (note == null || note.isBlank() ? "" : "。意见：" + note.strip())
                + "。本规范第4.4条规定的回应时限不因此延长";
        note(o, approve ? "APPROVE_EXTENSION" : "REFUSE_EXTENSION", by.getUsername(), text);
        tell(holders(o), (approve ? "延期已同意：" : "延期未同意：") + title(o), text, "/work-orders");
        if (approve) {
            publisher.publishEvent(new WorkOrderExtended(o.id(), o.eventId(), o.partyUnitId(), until));
        }
        return o;
    }

    @Transactional(readOnly = true)
    public WorkOrderPolicy policy() {
        return policies.current();
    }

    public WorkOrderPolicy changePolicy(long version, SignedInPerson by, int signForMajorMinutes, int signForWorkingHours,
            int dueMajorHours, int dueWorkingDays, int arbitrationWorkingHours, int redoWorkingDays, int superviseAfterWorkingDays) {
        WorkOrderPolicy p = policies.current();
        if (p.version() != version) {
            throw new DomainRuleViolation("时限规则已被他人修改，请刷新后再改");
        }
        p.change(signForMajorMinutes, signForWorkingHours, dueMajorHours, dueWorkingDays, arbitrationWorkingHours, redoWorkingDays,
                superviseAfterWorkingDays, by.getUsername(), clock.instant());
        publisher.publishEvent(new PolicyChanged(p.describe()));
        return policies.save(p);
    }

    record PolicyChanged(String policy) implements cn.yuqing.shared.AuditedChange {
        @Override
        public String action() {
            return "opinion:order_policy";
        }

        @Override
        public String subject() {
            return "work-order-policy";
        }

        @Override
        public Map<String, ?> after() {
            return Map.of("policy", policy);
        }
    }

    // ---- chasing -----------------------------------------------------------------------------

    /** How many of the installation's chase notices the page reads, drafts first, then the newest. */
    static final int NOTICES_LISTED = 500;

    /** The notices the reader may see: the issued ones to their unit, and every one the reader's office decides on. */
    @Transactional(readOnly = true)
    public List<ChaseNotice> chaseNotices(DataScope scope, SignedInPerson by) {
        return chases.findRecent(org.springframework.data.domain.PageRequest.of(0, NOTICES_LISTED)).stream()
                .filter(c -> visible(c, scope, by)).toList();
    }

    @Transactional(readOnly = true)
    public ChaseNotice chaseNotice(Long id, DataScope scope, SignedInPerson by) {
        return chases.findById(id).filter(c -> visible(c, scope, by)).orElseThrow(() -> new NotFound("催办通知书或督办单"));
    }

    private boolean visible(ChaseNotice c, DataScope scope, SignedInPerson by) {
        if (c.issued() && scope.covers(c.unitId())) {
            return true;
        }
        return covers(scope, c.eventId()) && orders.findById(c.orderId()).map(o -> arbiterOf(o, by)).orElse(false);
    }

    public ChaseNotice issue(Long id, long version, DataScope scope, SignedInPerson by, String text) {
        ChaseNotice c = chases.findById(id).filter(n -> covers(scope, n.eventId())).orElseThrow(() -> new NotFound("催办通知书或督办单"));
        WorkOrder o = forArbiter(c.orderId(), scope, by);
        if (c.version() != version) {
            throw new DomainRuleViolation("4.6", "该文书已被他人修改，请刷新后再操作");
        }
        c.issue(text, by.getUsername(), clock.instant());
        note(o, c.kind() == ChaseNotice.Kind.CHASE ? "ISSUE_CHASE" : "ISSUE_SUPERVISE", by.getUsername(),
                "印发" + c.kind().label() + c.number() + "（" + unitName(o) + "）");
        tell(holders(o), c.kind().label() + "：" + title(o), c.text(), "/work-orders");
        return c;
    }

    /** The document as Word, in the layout of the notices: title, addressee, body, issuing office, date. */
    @Transactional(readOnly = true)
    public byte[] document(ChaseNotice c) {
        OpinionEvent e = events.findById(c.eventId()).orElseThrow();
        Unit office = directory.governmentOfficeOf(e.levelRegionCode()).orElse(null);
        try (cn.yuqing.shared.GovernmentDocument doc = new cn.yuqing.shared.GovernmentDocument()) {
            return doc.title(c.kind().label()).centred(c.number()).line("")
                    .line(directory.requireUnit(c.unitId()).name() + "：")
                    .body(c.text())
                    .signature(office == null ? "政府办公室" : office.name(),
                            (c.issued() ? c.issuedAt() : c.draftedAt()).atZone(Times.ZONE).toLocalDate())
                    .toBytes();
        }
    }

    /**
     * One order's clock steps due now, in its own transaction (the scheduler calls it per order; on
     * several nodes the order's version lets one of them win): a sign-for reminder, its escalation,
     * an overdue arbitration, and the chasing drafts.
     */
    public void stepClocks(Long orderId) {
        WorkOrder o = orders.findById(orderId).orElse(null);
        if (o == null || events.findById(o.eventId()).map(e -> e.state() == EventState.CLOSED).orElse(true)) {
            return;
        }
        Instant now = clock.instant();
        WorkOrderPolicy policy = policies.current();
        if (o.remind(now)) {
            tell(holders(o), "请尽快签收任务单：" + title(o), "签收时限：" + o.signForDueText(), "/work-orders");
        }
        if (o.escalateSignFor(now)) {
            note(o, "SIGN_FOR_OVERDUE", "系统", unitName(o) + "超过签收时限（" + o.signForDueText() + "）仍未签收，已报本单位负责人和政府办公室");
            Set<Long> people = new HashSet<>(directory.peopleOf(Set.of(o.unitId()), Role.DEPARTMENT_HEAD, Role.PRINCIPAL_LEADER));
            people.addAll(arbiters(o));
            tell(people, "任务单逾期未签收：" + title(o), unitName(o) + "超过签收时限" + o.signForDueText(), "/work-orders");
        }
        if (o.escalateArbitration(now)) {
            OpinionEvent e = events.findById(o.eventId()).orElseThrow();
            note(o, "ARBITRATION_OVERDUE", "系统", "退单仲裁超过时限（" + o.arbitrationDueText() + "），已报本级政府主要负责同志");
            Set<Long> people = new HashSet<>(arbiters(o));
            directory.governmentOf(e.levelRegionCode()).ifPresent(g ->
                    people.addAll(directory.peopleOf(Set.of(g.id()), Role.PRINCIPAL_LEADER)));
            tell(people, "退单仲裁超时：" + title(o), unitName(o) + "的退单尚未仲裁，时限" + o.arbitrationDueText(), "/work-orders/decisions");
        }
        int step = o.chase(now, from -> policy.superviseAt(from, workingHours));
        if (step > 0) {
            ChaseNotice.Kind kind = step == 1 ? ChaseNotice.Kind.CHASE : ChaseNotice.Kind.SUPERVISE;
            String key = "order:" + o.dueAt().getEpochSecond();
            if (chases.existsByOrderIdAndKindAndClockKey(o.id(), kind, key)) {
                return;
            }
            ChaseNotice draft = chases.save(new ChaseNotice(o, kind, key, draftText(o, kind, now, policy), now));
            note(o, step == 1 ? "DRAFT_CHASE" : "DRAFT_SUPERVISE", "系统", unitName(o) + "任务单超过办理时限" + o.dueAtText()
                    + "，已拟" + kind.label() + draft.number() + "，待政府办公室审核印发");
            tell(arbiters(o), "已拟" + kind.label() + "：" + title(o), unitName(o) + "任务单超期，请审核印发", "/work-orders/chases");
        }
    }

    /** A clock of 4.4 overdue: the responsible unit's order is chased for it, once per clock and kind, after the clock's commit. */
    @org.springframework.transaction.event.TransactionalEventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void on(cn.yuqing.shared.ClockOverdue overdue) {
        chaseForClock(overdue.eventId(), overdue.clock(), overdue.dueAt(), overdue.supervise());
    }

    private void chaseForClock(Long eventId, String clockTitle, Instant dueAt, boolean supervise) {
        OpinionEvent e = events.findById(eventId).orElseThrow();
        ChaseNotice.Kind kind = supervise ? ChaseNotice.Kind.SUPERVISE : ChaseNotice.Kind.CHASE;
        WorkOrder o = orders.findByEvent(eventId).stream()
                .filter(w -> w.partyUnitId().equals(e.responsibleUnitId()) && (w.holdsDuty() || w.status() == WorkOrder.Status.DONE))
                .findFirst().orElse(null);
        String marker = "规定的" + clockTitle + "应于" + Times.format(dueAt);
        String key = clip("clock:" + clockTitle + ":" + dueAt.getEpochSecond(), 120);
        if (o == null || chases.existsByOrderIdAndKindAndClockKey(o.id(), kind, key)) {
            return;
        }
        Instant now = clock.instant();
        String required = Times.format(policies.current().superviseAt(now, workingHours));
        String text = "本规范第4.4条" + marker + "前完成，“" + e.title() + "”截至" + Times.format(now) + "仍未完成。"
                + (supervise ? "现列为督办事项，请你单位主要负责同志亲自过问，立即发布回应，并于" + required + "前书面报告未按时完成的原因。"
                        : "请你单位立即发布回应，于" + required + "前反馈办理情况。特此催办。");
        ChaseNotice draft = chases.save(new ChaseNotice(o, kind, key, text, now));
        note(o, supervise ? "DRAFT_SUPERVISE" : "DRAFT_CHASE", "系统", clockTitle + "超时，已拟" + kind.label() + draft.number()
                + "（" + unitName(o) + "），待政府办公室审核印发");
        tell(arbiters(o), "已拟" + kind.label() + "：" + e.title(), clockTitle + "超时，请审核印发", "/work-orders/chases");
    }

    /** What, who, since when, what is required by when: read from the record. */
    private String draftText(WorkOrder o, ChaseNotice.Kind kind, Instant now, WorkOrderPolicy policy) {
        String required = Times.format(policy.superviseAt(now, workingHours));
        String what = Times.format(o.sentAt()) + "交办你单位的“" + title(o) + "”工作任务（" + o.duty() + "），办理时限为" + o.dueAtText()
                + "，截至" + Times.format(now) + "仍未办结";
        if (kind == ChaseNotice.Kind.CHASE) {
            return what + "。请你单位抓紧办理，于" + required + "前办结并反馈办理结果；确有困难的，书面说明原因。特此催办。";
        }
        String urged = chases.findByEvent(o.eventId()).stream()
                .filter(c -> c.orderId().equals(o.id()) && c.kind() == ChaseNotice.Kind.CHASE).map(ChaseNotice::number)
                .reduce((a, b) -> b).map(n -> "，经" + n + "催办后仍未办结").orElse("");
        return what + urged + "。现列为督办事项，请你单位主要负责同志亲自过问，于" + required
                + "前办结，并书面报告办理情况和未按时办结的原因。逾期未办结的，将纳入政务舆情回应考核并予以通报。";
    }

    // ---- ports for later stages --------------------------------------------------------------

    /** 办结 on a reply to the citizen (the citizen module): a sent order is signed for first, as giving the answer shows. */
    void answered(Long orderId, String actor) {
        WorkOrder o = orders.findById(orderId).orElseThrow(() -> new NotFound("任务单"));
        if (o.status() == WorkOrder.Status.DONE) {
            return;
        }
        if (o.status() == WorkOrder.Status.SENT) {
            throw new DomainRuleViolation("请先签收任务单，再答复群众");
        }
        o.complete(clock.instant());
        note(o, "COMPLETE_ORDER", actor, unitName(o) + "答复群众，任务单办结");
    }

    /** 重办 after an unsatisfied follow-up, with its own clock; the unit is told. */
    void redo(Long orderId, String reason, String actor) {
        WorkOrder o = orders.findById(orderId).orElseThrow(() -> new NotFound("任务单"));
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        if (e.state() == EventState.CLOSED) {
            // a late 不满意 on a closed event reopens nothing by itself: the office decides whether to reopen the event
            note(o, "REDO_ORDER", actor, "事件已办结后群众仍不满意（" + unitName(o) + "）：" + reason + "。是否重新打开事件由政府办公室决定");
            tell(arbiters(o), "已办结事件的群众不满意：" + e.title(), reason, "/events/" + e.id());
            return;
        }
        Instant now = clock.instant();
        o.redo(reason, now, policies.current().redoDue(now, workingHours));
        note(o, "REDO_ORDER", actor, "群众不满意，任务单重办（" + unitName(o) + "），办理时限" + o.dueAtText() + "。群众意见：" + reason);
        tell(holders(o), "任务单重办：" + title(o), "群众对答复不满意：" + reason + "。请于" + o.dueAtText() + "前重新办理并答复", "/work-orders");
    }


    // ---- helpers -----------------------------------------------------------------------------

    private void note(WorkOrder o, String action, String actor, String text) {
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        e.record(action, e.state(), e.state(), "3", actor, clock.instant(), text, Map.of("order", o.id(), "status", o.status().name()));
        events.save(e);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String unitName(WorkOrder o) {
        return directory.requireUnit(o.unitId()).name();
    }

    private String title(WorkOrder o) {
        return events.findById(o.eventId()).map(OpinionEvent::title).orElse("");
    }

    private Set<Long> holders(WorkOrder o) {
        return directory.peopleOf(Set.of(o.unitId()), Role.RESPONDER, Role.DEPARTMENT_HEAD);
    }

    /** Who decides on a 退单 or an extension: the government office of the event's level. */
    private Set<Long> arbiters(WorkOrder o) {
        OpinionEvent e = events.findById(o.eventId()).orElseThrow();
        return directory.governmentOfficeOf(e.levelRegionCode())
                .map(u -> directory.peopleOf(Set.of(u.id()), Role.GOVERNMENT_OFFICE)).orElse(Set.of());
    }

    private void tell(Set<Long> people, String title, String text, String link) {
        if (!people.isEmpty()) {
            publisher.publishEvent(new NotificationRequested(people, title, text, link, false));
        }
    }
}

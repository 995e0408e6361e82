package cn.yuqing.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.CandidateFigures;
import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.EventCandidate;
import cn.yuqing.analysis.ItemAnalysis;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.RegionLevel;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.NotificationRequested;

/**
 * Every action of the workflow, for the pages and the JSON API alike: neither holds a rule of the
 * standard; the aggregate does. Each call names the version the caller saw, so that a second
 * analyst's stale edit is refused rather than silently overwriting the first.
 */
@Service
@Transactional
public class OpinionManagement implements OpinionEvents {

    private final ObjectProvider<OpenDuties> laterDuties;
    /** Work orders need this service to find events in scope; asked lazily, so neither waits for the other. */
    private final ObjectProvider<WorkOrders> workOrders;

    private final EventRepository events;
    private final PartyRepository parties;
    private final WarningReportRepository reports;
    private final TalkingPointsRepository talkingPoints;
    private final WorkOrderRepository orders;
    private final ChaseNoticeRepository chases;
    private final GradeRepository grades;
    private final CriterionRepository criteria;
    private final Candidates candidates;
    private final OrganisationDirectory directory;
    private final WorkOrderDispatch dispatch;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    OpinionManagement(EventRepository events, PartyRepository parties, WarningReportRepository reports,
            TalkingPointsRepository talkingPoints, WorkOrderRepository orders, GradeRepository grades,
            CriterionRepository criteria, Candidates candidates, OrganisationDirectory directory, WorkOrderDispatch dispatch,
            ApplicationEventPublisher publisher, Clock clock, ObjectProvider<OpenDuties> laterDuties,
            ObjectProvider<WorkOrders> workOrders, ChaseNoticeRepository chases) {
        this.chases = chases;
        this.laterDuties = laterDuties;
        this.workOrders = workOrders;
        this.events = events;
        this.parties = parties;
        this.reports = reports;
        this.talkingPoints = talkingPoints;
        this.orders = orders;
        this.grades = grades;
        this.criteria = criteria;
        this.candidates = candidates;
        this.directory = directory;
        this.dispatch = dispatch;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<OpinionEvent> visible(DataScope scope) {
        return scope.installationWide() ? events.findAllOrdered() : events.findVisible(scope.queryIds());
    }

    /** Whether the item is one of the event's (in the reader's scope): a clue is referred from the item that carries it. */
    @Transactional(readOnly = true)
    public boolean carries(Long eventId, Long itemId, DataScope scope) {
        OpinionEvent e = require(eventId, scope);
        return e.candidateId() != null && itemId != null && candidates.holds(e.candidateId(), itemId);
    }

    /** An event is visible to the units that own it or are party to it; to others it does not exist. */
    @Transactional(readOnly = true)
    public OpinionEvent require(Long id, DataScope scope) {
        OpinionEvent e = events.findById(id).orElseThrow(() -> new NotFound("舆情事件"));
        if (!covers(e, scope)) {
            throw new NotFound("舆情事件");
        }
        return e;
    }

    /** Whether the scope covers the event: its owning unit or one of its parties. */
    boolean covers(OpinionEvent e, DataScope scope) {
        return scope.covers(e.ownerUnitId()) || parties.unitsOf(e.id()).stream().anyMatch(scope::covers);
    }

    @Transactional(readOnly = true)
    public Optional<OpinionEvent> forCandidate(Long candidateId) {
        return events.findByCandidateId(candidateId);
    }

    @Transactional(readOnly = true)
    public List<EventParty> parties(Long eventId) {
        return parties.findByEvent(eventId).stream().sorted(java.util.Comparator.comparing(EventParty::role)).toList();
    }

    @Transactional(readOnly = true)
    public List<WarningReport> reports(Long eventId) {
        return reports.findByEvent(eventId);
    }

    @Transactional(readOnly = true)
    public List<TalkingPoints> talkingPoints(Long eventId) {
        return talkingPoints.findByEvent(eventId);
    }

    @Transactional(readOnly = true)
    public List<WorkOrder> workOrders(Long eventId) {
        return orders.findByEvent(eventId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrderSnapshot> orders(Long eventId) {
        List<ChaseNotice> issued = chases.findByEvent(eventId).stream().filter(ChaseNotice::issued).toList();
        return workOrders(eventId).stream()
                .map(o -> new OrderSnapshot(o.id(), o.unitId(), o.partyUnitId(), o.status().name(), o.holdsDuty(), o.returns(),
                        o.resends(), o.wrongfulSendBacks(), o.extensionsApproved(), o.redos(),
                        (int) issued.stream().filter(c -> c.orderId().equals(o.id()) && c.kind() == ChaseNotice.Kind.CHASE).count(),
                        (int) issued.stream().filter(c -> c.orderId().equals(o.id()) && c.kind() == ChaseNotice.Kind.SUPERVISE).count()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public String currentTalkingPoints(Long eventId) {
        List<TalkingPoints> versions = talkingPoints(eventId);
        return versions.isEmpty() ? "" : versions.get(versions.size() - 1).text();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> concerns(Long eventId, int limit) {
        OpinionEvent e = events.findById(eventId).orElseThrow(() -> new NotFound("事件"));
        return e.candidateId() == null ? List.of() : candidates.concerns(e.candidateId(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Collection<Instant> firstReportOfEachKind(Long eventId) {
        Map<WarningReport.Kind, Instant> first = new java.util.EnumMap<>(WarningReport.Kind.class);
        reports(eventId).forEach(r -> first.merge(r.kind(), r.sentAt(), (a, b) -> a.isBefore(b) ? a : b));
        return List.copyOf(first.values());
    }

    @Override
    @Transactional(readOnly = true)
    public EventSnapshot event(Long id, DataScope scope) {
        return EventSnapshot.of(require(id, scope));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EventSnapshot> events(DataScope scope) {
        return visible(scope).stream().map(EventSnapshot::of).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean majorOrAbove(EventSnapshot e) {
        return e.grade() != null && grades.findById(e.grade()).map(Grade::majorOrAbove).orElse(false);
    }

    @Override
    public EventSnapshot regradeEvent(Long id, long version, DataScope scope, SignedInPerson by, String gradeCode,
            boolean emergency, String reason) {
        return EventSnapshot.of(regrade(id, version, scope, by, gradeCode, emergency, reason));
    }

    /** Whether the event's grade is 特别重大 or 重大 (see {@link Grade#majorOrAbove()}). */
    @Transactional(readOnly = true)
    public boolean majorOrAbove(OpinionEvent e) {
        return e.grade() != null && grades.findById(e.grade()).map(Grade::majorOrAbove).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<Grade> grades() {
        return grades.findAll(org.springframework.data.domain.Sort.by("rank"));
    }

    @Transactional(readOnly = true)
    public List<JudgementCriterion> criteria() {
        return criteria.findAll(org.springframework.data.domain.Sort.by("code")).stream().filter(JudgementCriterion::active)
                .toList();
    }

    /** 4.2: events flagged but not yet reported as the standard requires. */
    @Transactional(readOnly = true)
    public List<OpinionEvent> unreported(DataScope scope) {
        return visible(scope).stream().filter(e -> (e.warningSigns() && !reports.sent(e.id(), WarningReport.Kind.LEADER))
                || (e.hotOrMajor() && !reports.sent(e.id(), WarningReport.Kind.SUPERIOR))).toList();
    }

    // ---- the workflow ----------------------------------------------------------------------

    /**
     * Opens an event from an analysis candidate: first known when its earliest item was discovered
     * (the clocks of 4.4 run from then), concerning the places and categories analysis found.
     */
    public OpinionEvent open(Long candidateId, DataScope scope, SignedInPerson by) {
        EventCandidate candidate = candidates.require(candidateId, scope);
        Optional<OpinionEvent> existing = events.findByCandidateId(candidateId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (candidate.status() != EventCandidate.Status.OPEN) {
            throw new DomainRuleViolation("已合并或已排除的候选事件不能立为舆情事件");
        }
        CandidateFigures figures = candidates.figures(candidateId);
        Set<String> places = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (ItemAnalysis a : candidates.itemsOf(candidateId)) {
            places.addAll(a.placePairs().values());
            categories.addAll(a.categoryHits().keySet());
        }
        Unit owner = directory.requireUnit(candidate.unitId());
        OpinionEvent event = events.save(new OpinionEvent(candidate.title(), candidateId, owner.id(),
                levelOf(owner.region()).code(), places, categories,
                figures.first() == null ? clock.instant() : figures.first()));
        event.opened(by.getUsername(), clock.instant());
        return events.save(event);
    }

    /** The government level that handles it: the county (or the city, for city units). */
    private Region levelOf(Region region) {
        Region r = region;
        while (r.parent() != null && r.level().ordinal() > RegionLevel.COUNTY.ordinal()) {
            r = r.parent();
        }
        return r;
    }

    OpinionEvent editable(Long id, long version, DataScope scope) {
        OpinionEvent e = require(id, scope);
        if (e.version() != version) {
            throw new DomainRuleViolation("该事件已被他人修改（可能是另一位研判人员），请刷新后查看最新内容再操作");
        }
        return e;
    }

    public OpinionEvent startVerification(Long id, long version, DataScope scope, SignedInPerson by) {
        OpinionEvent e = editable(id, version, scope);
        e.startVerification(by.getUsername(), clock.instant());
        return events.save(e);
    }

    public OpinionEvent verify(Long id, long version, DataScope scope, SignedInPerson by, String facts, String sources,
            Conclusion conclusion, MatterKind kind) {
        return verify(id, version, scope, by, facts, sources, conclusion, kind, null, List.of());
    }

    /**
     * 4.2, with the matter category the analyst confirms (clause 3 routes by it; the text's cue
     * words only suggest it) and the secondary matters whose departments co-operate.
     */
    public OpinionEvent verify(Long id, long version, DataScope scope, SignedInPerson by, String facts, String sources,
            Conclusion conclusion, MatterKind kind, String mainCategory, List<String> otherCategories) {
        OpinionEvent e = editable(id, version, scope);
        Set<String> known = new HashSet<>();
        directory.categories().forEach(c -> known.add(c.code()));
        String main = mainCategory == null || mainCategory.isBlank() ? null : mainCategory.strip();
        List<String> others = otherCategories == null ? List.of()
                : otherCategories.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        if (main == null && !others.isEmpty()) {
            throw new DomainRuleViolation("3", "请先选择主要事项，再选择次要事项");
        }
        if ((main != null && !known.contains(main)) || !known.containsAll(others)) {
            throw new DomainRuleViolation("3", "未知的事项类别");
        }
        e.verify(facts, sources, conclusion, kind, main, others, by.getUsername(), clock.instant());
        return events.save(e);
    }

    /**
     * 4.2: warning signs go to the leader of the owning unit; hot and major events to the superior
     * authority "at the first moment". The reports are sent now and recorded with when each was read.
     */
    public OpinionEvent flag(Long id, long version, DataScope scope, SignedInPerson by, boolean warningSigns,
            boolean hotOrMajor) {
        OpinionEvent e = editable(id, version, scope);
        Instant now = clock.instant();
        e.flag(warningSigns, hotOrMajor, by.getUsername(), now);
        if (warningSigns && !reports.sent(id, WarningReport.Kind.LEADER)) {
            send(e, WarningReport.Kind.LEADER, directory.leadersOf(e.ownerUnitId()), now);
        }
        if (hotOrMajor && !reports.sent(id, WarningReport.Kind.SUPERIOR)) {
            send(e, WarningReport.Kind.SUPERIOR, directory.superiorsOf(e.levelRegionCode()), now);
        }
        return events.save(e);
    }

    /** With nobody to report to, the flag stands and the event shows as unreported until someone is set up. */
    private void send(OpinionEvent e, WarningReport.Kind kind, Set<Long> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        for (Long r : recipients) {
            reports.save(new WarningReport(e.id(), kind, r, now));
        }
        publisher.publishEvent(new NotificationRequested(recipients, kind.label() + "：" + e.title(),
                kind == WarningReport.Kind.LEADER ? "该舆情具有预警性、倾向性、苗头性，按第4.2条报请负责人阅示。"
                        : "该舆情为热点或重大舆情，按第4.2条第一时间报告上一级主管部门。", "/events/" + e.id(), true));
    }

    /** The recipient opened the event: their reports are read. */
    public void readReports(Long eventId, Long personId) {
        for (WarningReport r : reports.findByEvent(eventId)) {
            if (r.recipientId().equals(personId)) {
                r.read(clock.instant());
            }
        }
    }

    public OpinionEvent judge(Long id, long version, DataScope scope, SignedInPerson by, boolean key, Set<String> chosen,
            String gradeCode, boolean emergency, String reasons) {
        OpinionEvent e = editable(id, version, scope);
        Set<String> known = new HashSet<>();
        criteria().forEach(c -> known.add(c.code()));
        if (chosen != null && !known.containsAll(chosen)) {
            throw new DomainRuleViolation("4.3", "未知的研判标准");
        }
        Grade grade = gradeCode == null || gradeCode.isBlank() ? null
                : grades.findById(gradeCode).orElseThrow(() -> new DomainRuleViolation("未知的等级：" + gradeCode));
        e.judge(key, chosen, grade, emergency, reasons, by.getUsername(), clock.instant());
        return events.save(e);
    }

    public OpinionEvent regrade(Long id, long version, DataScope scope, SignedInPerson by, String gradeCode,
            boolean emergency, String reason) {
        OpinionEvent e = editable(id, version, scope);
        Grade grade = grades.findById(gradeCode == null ? "" : gradeCode)
                .orElseThrow(() -> new DomainRuleViolation("未知的等级：" + gradeCode));
        e.regrade(grade, emergency, reason, by.getUsername(), clock.instant());
        return events.save(e);
    }

    /** 口径: a new version; every earlier version is kept. */
    public TalkingPoints addTalkingPoints(Long id, DataScope scope, SignedInPerson by, String text) {
        OpinionEvent e = require(id, scope);
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolation("3.1.1", "口径不能为空");
        }
        if (e.state() == EventState.CLOSED) {
            throw new DomainRuleViolation("已办结的事件不能再修改口径");
        }
        int next = talkingPoints.findByEvent(id).stream().mapToInt(TalkingPoints::version).max().orElse(0) + 1;
        TalkingPoints tp = talkingPoints.save(new TalkingPoints(id, next, text.strip(), by.getUsername(), clock.instant()));
        e.record("TALKING_POINTS", e.state(), e.state(), "3.1.1", by.getUsername(), clock.instant(), "口径第" + next + "版",
                Map.of("version", next));
        events.save(e);
        return tp;
    }

    /**
     * 4.2: the response plan — responsible party, coordinators, co-handlers with their duties,
     * talking points, channels — made at once; each party gets its work order.
     */
    public OpinionEvent makePlan(Long id, long version, DataScope scope, SignedInPerson by, String channels, String methods) {
        OpinionEvent e = editable(id, version, scope);
        e.makePlan(channels, methods, !talkingPoints.findByEvent(id).isEmpty(), by.getUsername(), clock.instant());
        dispatch.send(e);
        return events.save(e);
    }

    public OpinionEvent startResponse(Long id, long version, DataScope scope, SignedInPerson by) {
        OpinionEvent e = editable(id, version, scope);
        e.startResponse(by.getUsername(), clock.instant());
        return events.save(e);
    }

    public OpinionEvent startFollowUp(Long id, long version, DataScope scope, SignedInPerson by) {
        OpinionEvent e = editable(id, version, scope);
        e.startFollowUp(by.getUsername(), clock.instant());
        return events.save(e);
    }

    /** What still stands between the event and its closing: work orders not yet taken up, and what later stages report. */
    @Transactional(readOnly = true)
    public List<OpenDuties.Duty> openDuties(Long id, DataScope scope) {
        require(id, scope);
        List<OpenDuties.Duty> duties = new ArrayList<>();
        for (WorkOrder o : orders.findByEvent(id)) {
            if (o.status() == WorkOrder.Status.SENT) {
                duties.add(new OpenDuties.Duty("order:" + o.id(), directory.requireUnit(o.unitId()).name() + "尚未签收任务单"));
            } else if (o.status() == WorkOrder.Status.RETURNED) {
                duties.add(new OpenDuties.Duty("order:" + o.id(), directory.requireUnit(o.unitId()).name() + "的退单尚待仲裁"));
            }
        }
        laterDuties.orderedStream().forEach(d -> duties.addAll(d.of(id)));
        return duties;
    }

    /**
     * 4.6: an event closes with its review, once every duty is done or waived with a reason; the
     * waivers are kept in the event's record.
     */
    public OpinionEvent close(Long id, long version, DataScope scope, SignedInPerson by, String review,
            Map<String, String> waivers) {
        OpinionEvent e = editable(id, version, scope);
        List<String> unexplained = new ArrayList<>();
        Map<String, String> waived = new java.util.LinkedHashMap<>();
        for (OpenDuties.Duty duty : openDuties(id, scope)) {
            String reason = waivers == null ? null : waivers.get(duty.key());
            if (reason == null || reason.isBlank()) {
                unexplained.add(duty.text());
            } else {
                waived.put(duty.text(), reason.strip());
            }
        }
        if (!unexplained.isEmpty()) {
            throw new DomainRuleViolation("4.6", "尚有未完成的职责：" + String.join("；", unexplained) + "。请完成，或逐项写明不再办理的理由");
        }
        e.close(review, waived, by.getUsername(), clock.instant());
        return events.save(e);
    }

    public OpinionEvent reopen(Long id, long version, DataScope scope, SignedInPerson by, String reason) {
        OpinionEvent e = editable(id, version, scope);
        e.reopen(reason, by.getUsername(), clock.instant());
        return events.save(e);
    }

    @Override
    public void orderAnswered(Long orderId, String actor) {
        workOrders.getObject().answered(orderId, actor);
    }

    @Override
    public void redoOrder(Long orderId, String reason, String actor) {
        workOrders.getObject().redo(orderId, reason, actor);
    }

    @Override
    public void recordOnEvent(Long eventId, String action, String actor, String text) {
        OpinionEvent e = events.findById(eventId).orElseThrow(() -> new NotFound("舆情事件"));
        e.record(action, e.state(), e.state(), "4.4", actor, clock.instant(), text, Map.of());
        events.save(e);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> contactableItemIds(Long eventId, int limit) {
        OpinionEvent e = events.findById(eventId).orElseThrow(() -> new NotFound("舆情事件"));
        return e.candidateId() == null ? List.of() : candidates.itemsWithContact(e.candidateId(), limit);
    }

}

package cn.yuqing.opinion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.responsibility.EventFacts;
import cn.yuqing.responsibility.MainMatter;
import cn.yuqing.responsibility.MatterCues;
import cn.yuqing.responsibility.ResponsibilityRouter;
import cn.yuqing.responsibility.RoutingDecision;
import cn.yuqing.responsibility.RoutingRules;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * Clause 3 for one event: the parties the rules suggest from its main matter, places and grade,
 * applied as suggested or as a person chose (responsible party, lead and co-operating units, with
 * a reason), with the work orders following the parties.
 */
@Service
@Transactional
public class EventRouting {

    private final OpinionManagement opinions;
    private final EventRepository events;
    private final PartyRepository parties;
    private final GradeRepository grades;
    private final Candidates candidates;
    private final OrganisationDirectory directory;
    private final ResponsibilityRouter router;
    private final RoutingRules rules;
    private final WorkOrderDispatch dispatch;
    private final Clock clock;

    EventRouting(OpinionManagement opinions, EventRepository events, PartyRepository parties, GradeRepository grades,
            Candidates candidates, OrganisationDirectory directory, ResponsibilityRouter router, RoutingRules rules,
            WorkOrderDispatch dispatch, Clock clock) {
        this.opinions = opinions;
        this.events = events;
        this.parties = parties;
        this.grades = grades;
        this.candidates = candidates;
        this.directory = directory;
        this.router = router;
        this.rules = rules;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** The matter clause 3 routes by: as the analyst confirmed it at verification, else as the items suggest. */
    @Transactional(readOnly = true)
    public MainMatter matterOf(OpinionEvent e) {
        return e.mainCategory() != null ? MainMatter.confirmed(e.mainCategory(), e.otherCategories()) : suggestedMatter(e);
    }

    /** What the items' words say the matter is, context words aside: the verification form offers it. */
    @Transactional(readOnly = true)
    public MainMatter suggestedMatter(OpinionEvent e) {
        if (e.candidateId() != null) {
            return candidates.suggestedMatter(e.candidateId());
        }
        MatterCues cues = new MatterCues();
        Map<String, String> names = new LinkedHashMap<>();
        directory.categories().forEach(c -> names.put(c.code(), c.name()));
        e.categories().forEach(c -> cues.add(c, names.getOrDefault(c, c), 1));
        return cues.suggest(rules.contextOnly());
    }

    /** Clause 3 as the routing policies decide it, with their reasons. */
    @Transactional(readOnly = true)
    public RoutingDecision suggest(OpinionEvent e) {
        boolean especiallyMajor = e.grade() != null && grades.findById(e.grade()).map(g -> g.rank() == 1).orElse(false);
        return router.route(new EventFacts(List.copyOf(e.placeCodes()), e.levelRegionCode(), matterOf(e), especiallyMajor));
    }

    /** For each suggested party with nobody to receive its work, what will happen to its order. */
    @Transactional(readOnly = true)
    public List<String> warnings(RoutingDecision d, OpinionEvent e) {
        List<Unit> handling = new ArrayList<>();
        handling.add(d.responsible());
        if (d.lead() != null && !d.lead().id().equals(d.responsible().id())) {
            handling.add(d.lead());
        }
        d.coHandlers().keySet().forEach(id -> handling.add(d.unit(id)));
        // read again in this transaction: the decision's units were read in the router's
        return dispatch.warnings(handling.stream().map(u -> directory.requireUnit(u.id())).toList(), e.levelRegionCode());
    }

    public OpinionEvent route(Long id, long version, DataScope scope, SignedInPerson by) {
        OpinionEvent e = opinions.editable(id, version, scope);
        RoutingDecision d = suggest(e);
        Long lead = d.lead() == null ? d.responsible().id() : d.lead().id();
        e.assign(d.responsible().id(), lead, d.principalLeaderInvolved(), d.explain(), false, null, by.getUsername(),
                clock.instant());
        return apply(e, d.responsible().id(), lead, d.coHandlers(), d.coordinators(), "按系统认定", by);
    }

    /**
     * Clause 3: a person sets the responsible party, the lead (the responsible party unless named)
     * and the co-operating units (the suggested ones unless named), with a reason kept in the
     * history; units no longer parties have their work orders withdrawn with that reason.
     */
    public OpinionEvent override(Long id, long version, DataScope scope, SignedInPerson by, Long responsibleUnitId,
            Long leadUnitId, List<Long> coHandlerIds, String reason) {
        OpinionEvent e = opinions.editable(id, version, scope);
        Unit responsible = ofLevel(responsibleUnitId, e);
        Unit lead = leadUnitId == null ? responsible : ofLevel(leadUnitId, e);
        RoutingDecision d = suggest(e);
        Map<Long, String> coHandlers = new LinkedHashMap<>();
        if (coHandlerIds == null) {
            coHandlers.putAll(d.coHandlers());
        } else {
            for (Long unit : coHandlerIds) {
                coHandlers.put(ofLevel(unit, e).id(), d.coHandlers().getOrDefault(unit, "按职责分工配合"));
            }
        }
        coHandlers.remove(responsible.id());
        coHandlers.remove(lead.id());
        List<String> coNames = coHandlers.keySet().stream().map(u -> directory.requireUnit(u).name()).toList();
        String chosen = "人工调整：第一责任主体" + responsible.name()
                + (lead.id().equals(responsible.id()) ? "（牵头）" : "，牵头" + lead.name())
                + (coNames.isEmpty() ? "，无配合单位" : "，配合" + String.join("、", coNames));
        e.assign(responsible.id(), lead.id(), d.principalLeaderInvolved(), chosen + "（系统认定：" + d.explain() + "）", true,
                reason, by.getUsername(), clock.instant());
        return apply(e, responsible.id(), lead.id(), coHandlers, d.coordinators(), reason == null ? "" : reason.strip(), by);
    }

    /** A unit of the event's level or below: routing never reaches into another county. */
    private Unit ofLevel(Long unitId, OpinionEvent e) {
        if (unitId == null) {
            throw new DomainRuleViolation("3", "请选择单位");
        }
        Unit unit = directory.requireUnit(unitId);
        Region level = directory.requireRegion(e.levelRegionCode());
        if (!unit.region().code().equals(level.code()) && !unit.region().isWithin(level)) {
            throw new DomainRuleViolation("3", unit.name() + "不属于" + level.name() + "，不能承办本级事件");
        }
        return unit;
    }

    private OpinionEvent apply(OpinionEvent e, Long responsible, Long lead, Map<Long, String> coHandlers,
            Map<Long, String> coordinators, String reason, SignedInPerson by) {
        parties.deleteByEvent(e.id());
        parties.flush();
        List<EventParty> all = new ArrayList<>();
        all.add(new EventParty(e.id(), responsible, EventParty.Role.RESPONSIBLE, "第一责任主体"));
        all.add(new EventParty(e.id(), lead, EventParty.Role.LEAD, "牵头"));
        coHandlers.forEach((unit, duty) -> all.add(new EventParty(e.id(), unit, EventParty.Role.CO_HANDLER, duty)));
        coordinators.forEach((unit, duty) -> all.add(new EventParty(e.id(), unit, EventParty.Role.COORDINATOR, duty)));
        parties.saveAll(all);
        parties.flush();
        dispatch.reconcile(e, e.responseChannels() != null, reason, by.getUsername());
        return events.save(e);
    }
}

package cn.yuqing.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/**
 * 4.6 accountability: interviews suggested when a unit's scorecard crosses the assessor's lines,
 * and a referral to the supervisory organs when a unit already interviewed crosses them again
 * (整改不到位). A suggestion is computed, never stored: only a person records a measure.
 */
@Service
@Transactional
public class Accountability {

    /** A unit past the lines in the period, why, and what is suggested. */
    public record Suggestion(Scorecard card, List<String> reasons, AccountabilityMeasure.Kind kind) {
    }

    private final ThresholdsRepository thresholds;
    private final MeasureRepository measures;
    private final Scorecards scorecards;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accountability(ThresholdsRepository thresholds, MeasureRepository measures, Scorecards scorecards,
            OrganisationDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.thresholds = thresholds;
        this.measures = measures;
        this.scorecards = scorecards;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }


    @Transactional(readOnly = true)
    public Thresholds thresholds(SignedInPerson reader) {
        return thresholds.findById(directory.regionCodeOf(reader)).orElseGet(() -> Thresholds.defaults(directory.regionCodeOf(reader)));
    }

    public Thresholds changeThresholds(SignedInPerson by, int minOnTimePercent, int maxMissed, int maxUnanswered,
            int minSatisfactionPercent) {
        String region = directory.regionCodeOf(by);
        Thresholds t = thresholds.findById(region).orElse(null);
        if (t == null) {
            t = Thresholds.defaults(region);
        }
        t.change(minOnTimePercent / 100.0, maxMissed, maxUnanswered, minSatisfactionPercent / 100.0, by.getUsername(), clock.instant());
        t = thresholds.save(t);
        events.publishEvent(new AssessmentChanged("assessment:threshold:change", "region/" + region,
                Map.of("minOnTime", minOnTimePercent, "maxMissed", maxMissed, "maxUnanswered", maxUnanswered,
                        "minSatisfaction", minSatisfactionPercent)));
        return t;
    }

    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(Period period, DataScope scope, SignedInPerson reader) {
        Thresholds lines = thresholds(reader);
        List<AccountabilityMeasure> taken = measures(scope);
        return scorecards.of(period, scope).stream().map(card -> {
            List<String> reasons = lines.crossedBy(card);
            boolean interviewedBefore = taken.stream().anyMatch(m -> m.unitId().equals(card.unitId())
                    && m.kind() == AccountabilityMeasure.Kind.INTERVIEW && m.heldOn().isBefore(period.from()));
            AccountabilityMeasure.Kind kind = interviewedBefore ? AccountabilityMeasure.Kind.SUPERVISORY_REFERRAL
                    : AccountabilityMeasure.Kind.INTERVIEW;
            boolean done = taken.stream().anyMatch(m -> m.unitId().equals(card.unitId()) && m.kind() == kind
                    && period.code().equals(m.period()));
            return reasons.isEmpty() || done ? null : new Suggestion(card, reasons, kind);
        }).filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public List<AccountabilityMeasure> measures(DataScope scope) {
        return scope.installationWide() ? measures.findAllNewestFirst() : measures.findByUnits(scope.queryIds());
    }

    public AccountabilityMeasure record(AccountabilityMeasure.Kind kind, Long unitId, String periodCode, String reason,
            String people, LocalDate heldOn, String outcome, DataScope scope, SignedInPerson by) {
        if (unitId == null || !scope.covers(unitId)) {
            throw new DomainRuleViolation("4.6", "请选择本辖区的单位");
        }
        Period period = periodCode == null || periodCode.isBlank() ? null : Period.parse(periodCode);
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock.withZone(cn.yuqing.shared.Times.ZONE)).plusYears(1))) {
            throw new DomainRuleViolation("4.6", "日期不能晚于一年以后");
        }
        AccountabilityMeasure m = measures.save(new AccountabilityMeasure(kind, unitId, period, reason, people, heldOn, outcome,
                by.getUsername(), clock.instant()));
        events.publishEvent(new AssessmentChanged("assessment:" + kind.name().toLowerCase() + ":record", "unit/" + unitId,
                Map.of("measure", m.id(), "reason", m.reason(), "people", m.people())));
        return m;
    }

    public AccountabilityMeasure followUp(Long id, String outcome, String followUp, DataScope scope) {
        AccountabilityMeasure m = measures.findById(id).filter(x -> scope.covers(x.unitId()))
                .orElseThrow(() -> new NotFound("约谈记录"));
        m.followUp(outcome, followUp);
        events.publishEvent(new AssessmentChanged("assessment:measure:follow-up", "unit/" + m.unitId(),
                Map.of("measure", id, "outcome", m.outcome() == null ? "" : m.outcome())));
        return m;
    }
}

package cn.yuqing.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.intake.Patrols;
import cn.yuqing.opinion.Grade;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.Times;

/**
 * 4.6 scorecards: per responsible unit and period, from the events it was first responsible for that
 * were first known in the period — their clocks (as {@link Deadlines.Board#outcomeAt} decides them
 * today), the time to the first published release, the work orders given back and sent again, the
 * releases published — and the patrols its channels owed and did (4.1).
 */
@Service
@Transactional(readOnly = true)
public class Scorecards {

    private final OpinionEvents opinions;
    private final Deadlines deadlines;
    private final Releases releases;
    private final Patrols patrols;
    private final cn.yuqing.review.CaseReviews reviews;
    private final cn.yuqing.citizen.Satisfaction satisfaction;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final int minimumClocks;
    private final Duration reportWithin;

    Scorecards(OpinionEvents opinions, Deadlines deadlines, Releases releases, Patrols patrols, cn.yuqing.review.CaseReviews reviews,
            cn.yuqing.citizen.Satisfaction satisfaction, OrganisationDirectory directory, Clock clock, @Value("${yuqing.assessment.minimum-clocks:3}") int minimumClocks,
            @Value("${yuqing.assessment.report-within:2h}") Duration reportWithin) {
        this.reportWithin = reportWithin;
        this.opinions = opinions;
        this.deadlines = deadlines;
        this.releases = releases;
        this.patrols = patrols;
        this.reviews = reviews;
        this.satisfaction = satisfaction;
        this.directory = directory;
        this.clock = clock;
        this.minimumClocks = minimumClocks;
    }

    public int minimumClocks() {
        return minimumClocks;
    }

    /** A warning report (4.2) counts as on time when sent within this of the moment the government first knew. */
    public Duration reportWithin() {
        return reportWithin;
    }

    /** A clock of an especially major event weighs 4, major 3, larger 2, ordinary 1. */
    static int weight(int gradeRank) {
        return Math.max(1, 5 - gradeRank);
    }

    private static final class Tally {
        int events;
        final Map<ClockKind, int[]> perClock = new EnumMap<>(ClockKind.class);
        int onTime;
        int late;
        int missed;
        long weightedOnTime;
        long weightedDecided;
        final List<Duration> responses = new ArrayList<>();
        int unanswered;
        int returns;
        int resends;
        int releases;
        int warningReports;
        int warningReportsOnTime;
        int patrolsDue;
        int patrolsDone;
        final List<String> missedClocks = new ArrayList<>();
        final List<Double> indices = new ArrayList<>();
        int wrongfulSendBacks;
        int extensions;
        int chases;
        int supervisions;
        int redos;
        cn.yuqing.citizen.Satisfaction.Rate satisfaction = cn.yuqing.citizen.Satisfaction.Rate.NONE;
    }

    /** The scorecards of the units in scope, ranked first (best first), then those below the minimum. */
    public List<Scorecard> of(Period period, DataScope scope) {
        Instant from = period.from().atStartOfDay(Times.ZONE).toInstant();
        Instant to = period.toExclusive().atStartOfDay(Times.ZONE).toInstant();
        Instant now = clock.instant();
        Map<String, Integer> rankOfGrade = new HashMap<>();
        opinions.grades().forEach(g -> rankOfGrade.put(g.code(), g.rank()));
        Map<Long, Tally> units = new HashMap<>();
        for (EventSnapshot e : opinions.events(scope)) {
            if (e.firstKnownAt().isBefore(from) || !e.firstKnownAt().isBefore(to)) {
                continue;
            }
            if (scope.covers(e.ownerUnitId())) {
                countReports(e, units.computeIfAbsent(e.ownerUnitId(), k -> new Tally()));
            }
            Long unit = e.responsibleUnitId();
            if (unit == null || !scope.covers(unit)) {
                continue;
            }
            Tally t = units.computeIfAbsent(unit, k -> new Tally());
            t.events++;
            int w = weight(rankOfGrade.getOrDefault(e.grade(), Grade.MAJOR_RANK + 2));
            Deadlines.Board board = deadlines.board(e.id(), scope);
            for (Deadline d : board.deadlines()) {
                Deadlines.Outcome outcome = board.outcomeAt(d, now);
                if (outcome == Deadlines.Outcome.PENDING || outcome == Deadlines.Outcome.VOID) {
                    continue;
                }
                int[] rate = t.perClock.computeIfAbsent(d.clock(), k -> new int[2]);
                rate[1]++;
                t.weightedDecided += w;
                switch (outcome) {
                    case ON_TIME -> {
                        t.onTime++;
                        rate[0]++;
                        t.weightedOnTime += w;
                    }
                    case LATE -> t.late++;
                    default -> {
                        t.missed++;
                        t.missedClocks.add("“" + e.title() + "”的" + d.title() + "（" + d.allowed() + "）");
                    }
                }
            }
            List<Release> published = releases.of(e.id(), scope).stream()
                    .filter(r -> r.status() == Release.Status.PUBLISHED).toList();
            t.releases += published.size();
            published.stream().map(Release::publishedAt).min(Comparator.naturalOrder())
                    .ifPresentOrElse(first -> t.responses.add(Duration.between(e.firstKnownAt(), first)), () -> {
                        if (Boolean.TRUE.equals(e.keyResponse())) {
                            t.unanswered++;
                        }
                    });
            cn.yuqing.review.ResponseIndex index = reviews.index(e, board, published, scope);
            if (index.uncomputed() < index.dimensions().size()) {
                t.indices.add(index.total());
            }
            for (OpinionEvents.OrderSnapshot o : opinions.orders(e.id())) {
                if (scope.covers(o.unitId())) {
                    Tally party = units.computeIfAbsent(o.unitId(), k -> new Tally());
                    party.returns += o.returns();
                    party.resends += o.resends();
                    party.wrongfulSendBacks += o.wrongfulSendBacks();
                    party.extensions += o.extensionsApproved();
                    party.chases += o.chasesIssued();
                    party.supervisions += o.supervisionsIssued();
                    party.redos += o.redos();
                }
            }
        }
        patrols.tally(period.from(), period.toExclusive()).forEach((unit, p) -> {
            if (scope.covers(unit)) {
                Tally t = units.computeIfAbsent(unit, k -> new Tally());
                t.patrolsDue += p.due();
                t.patrolsDone += p.done();
            }
        });
        satisfaction.byUnit(from, to).forEach((unit, rate) -> {
            if (scope.covers(unit)) {
                units.computeIfAbsent(unit, k -> new Tally()).satisfaction = rate;
            }
        });
        List<Scorecard> cards = new ArrayList<>();
        units.forEach((unit, t) -> cards.add(card(unit, t)));
        return rank(cards);
    }

    /** 4.2: each kind of report on an event (to the unit's leaders, to the superior) counts once, by its first sending. */
    private void countReports(EventSnapshot e, Tally owner) {
        for (Instant sent : opinions.firstReportOfEachKind(e.id())) {
            owner.warningReports++;
            if (!sent.isAfter(e.firstKnownAt().plus(reportWithin))) {
                owner.warningReportsOnTime++;
            }
        }
    }

    private Scorecard card(Long unit, Tally t) {
        Map<ClockKind, Scorecard.Rate> perClock = new EnumMap<>(ClockKind.class);
        t.perClock.forEach((k, r) -> perClock.put(k, new Scorecard.Rate(r[0], r[1])));
        List<Duration> sorted = t.responses.stream().sorted().toList();
        Duration median = sorted.isEmpty() ? null : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : sorted.get(sorted.size() / 2 - 1).plus(sorted.get(sorted.size() / 2)).dividedBy(2);
        Duration worst = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
        double weighted = t.weightedDecided == 0 ? 0 : t.weightedOnTime / (double) t.weightedDecided;
        return new Scorecard(unit, directory.requireUnit(unit).name(), t.events, perClock, t.onTime, t.late, t.missed, weighted,
                median, worst, t.unanswered, t.returns, t.resends, t.releases, t.warningReports, t.warningReportsOnTime, t.patrolsDue,
                t.patrolsDone, List.copyOf(t.missedClocks), false, 0,
                t.indices.isEmpty() ? null : Math.round(t.indices.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0,
                t.indices.size(), new Scorecard.CitizenLoop(t.wrongfulSendBacks, t.extensions, t.chases, t.supervisions, t.redos,
                        t.satisfaction));
    }

    /**
     * Best first: the weighted on-time share, then the median time to respond, then fewer missed
     * clocks; units with fewer decided clocks than the minimum follow, unranked, by name.
     */
    private List<Scorecard> rank(List<Scorecard> cards) {
        Comparator<Scorecard> better = Comparator.comparingDouble(Scorecard::weightedOnTime).reversed()
                .thenComparing(Scorecard::medianResponse, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Scorecard::missed);
        List<Scorecard> ranked = cards.stream().filter(c -> c.clocks() >= minimumClocks).sorted(better.thenComparing(Scorecard::unitName))
                .toList();
        List<Scorecard> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Scorecard c = ranked.get(i);
            int rank = i > 0 && better.compare(ranked.get(i - 1), c) == 0 ? result.get(i - 1).rank() : i + 1;
            result.add(c.withRank(true, rank));
        }
        cards.stream().filter(c -> c.clocks() < minimumClocks).sorted(Comparator.comparing(Scorecard::unitName)).forEach(result::add);
        return result;
    }
}

package cn.yuqing.assessment.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.assessment.Period;
import cn.yuqing.assessment.Scorecard;
import cn.yuqing.assessment.Scorecards;
import cn.yuqing.organisation.Accounts;

/** Scorecards (4.6) as JSON, within the reader's scope; times in minutes (docs/api.md). */
@RestController
class ScorecardApiController {

    record Rate(int onTime, int decided) {
    }

    record ScorecardView(Long unitId, String unit, Integer rank, int events, Map<String, Rate> perClock, int onTime, int late,
            int missed, double weightedOnTime, Long medianResponseMinutes, Long worstResponseMinutes, int unanswered, int returns,
            int resends, int releases, int warningReports, int warningReportsOnTime, int patrolsDue, int patrolsDone,
            Double responseIndex, int indexedEvents, int wrongfulSendBacks, int extensions, int chases, int supervisions, int redos,
            int surveysRated, int surveysSatisfied, Double satisfaction) {

        static ScorecardView of(Scorecard c) {
            return new ScorecardView(c.unitId(), c.unitName(), c.ranked() ? c.rank() : null, c.events(),
                    c.perClock().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                            e -> new Rate(e.getValue().onTime(), e.getValue().decided()))),
                    c.onTime(), c.late(), c.missed(), c.weightedOnTime(),
                    c.medianResponse() == null ? null : c.medianResponse().toMinutes(),
                    c.worstResponse() == null ? null : c.worstResponse().toMinutes(), c.unanswered(), c.returns(), c.resends(),
                    c.releases(), c.warningReports(), c.warningReportsOnTime(), c.patrolsDue(), c.patrolsDone(), c.responseIndex(),
                    c.indexedEvents(), c.loop().wrongfulSendBacks(), c.loop().extensions(), c.loop().chases(), c.loop().supervisions(),
                    c.loop().redos(), c.loop().satisfaction().rated(), c.loop().satisfaction().satisfied(), c.loop().satisfaction().share());
        }
    }

    private final Scorecards scorecards;
    private final Accounts accounts;

    ScorecardApiController(Scorecards scorecards, Accounts accounts) {
        this.scorecards = scorecards;
        this.accounts = accounts;
    }

    /** {@code period}: a month ({@code 2026-10}) or a quarter ({@code 2026-Q4}); ranked units first. */
    @GetMapping("/api/assessment/scorecards")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    List<ScorecardView> list(@RequestParam(defaultValue = "") String period) {
        return scorecards.of(Period.parse(period), accounts.currentScope()).stream().map(ScorecardView::of).toList();
    }
}

package cn.yuqing.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.analysis.Volume;
import cn.yuqing.assessment.Period;
import cn.yuqing.assessment.Scorecard;
import cn.yuqing.assessment.Scorecards;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.Grade;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.shared.Times;

/** The duty room's picture, from the record, within the reader's scope. */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    static final int TREND_DAYS = 30;
    static final Duration DUE_SOON = Duration.ofHours(6);

    public record GradeCount(String code, String name, String badge, int count) {
    }

    public record Today(int newItems, int negativeItems, int openEvents, List<GradeCount> openByGrade, int dueSoon, int overdue) {
    }

    public record Series(List<String> labels, List<Integer> items, List<Double> negativeShare) {
    }

    public record Ranked(String title, List<String> names, List<Double> values) {
    }

    public record DueRow(Long eventId, String event, String clock, String dueAt, String countdown, String colour) {
    }

    public record Board(String generatedAt, Today today, Series trend, Ranked townships, Ranked units, Ranked indices,
            List<DueRow> due) {
    }

    private final ItemAnalyses analyses;
    private final OpinionEvents opinions;
    private final Deadlines deadlines;
    private final Scorecards scorecards;
    private final OrganisationDirectory directory;
    private final Clock clock;

    Dashboards(ItemAnalyses analyses, OpinionEvents opinions, Deadlines deadlines, Scorecards scorecards,
            OrganisationDirectory directory, Clock clock) {
        this.analyses = analyses;
        this.opinions = opinions;
        this.deadlines = deadlines;
        this.scorecards = scorecards;
        this.directory = directory;
        this.clock = clock;
    }

    /** {@code areaCode}: the reader's region; events are counted by the areas one level below it (a county's townships). */
    public Board of(DataScope scope, String areaCode) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        List<Volume> days = analyses.daily(today.minusDays(TREND_DAYS - 1), today.plusDays(1), scope);
        Volume todays = days.get(days.size() - 1);
        List<EventSnapshot> visible = opinions.events(scope);
        List<EventSnapshot> open = visible.stream().filter(e -> e.state() != EventState.CLOSED && Boolean.TRUE.equals(e.keyResponse()))
                .toList();
        List<GradeCount> byGrade = new ArrayList<>();
        for (Grade g : opinions.grades()) {
            byGrade.add(new GradeCount(g.code(), g.name(), g.badge(), (int) open.stream().filter(e -> g.code().equals(e.grade())).count()));
        }
        List<Deadlines.Due> due = deadlines.dueWithin(scope, DUE_SOON);
        int overdue = (int) due.stream().filter(d -> !d.deadline().dueAt().isAfter(now)).count();
        Today glance = new Today(todays.items(), todays.negative(), open.size(), byGrade, due.size() - overdue, overdue);

        DateTimeFormatter md = DateTimeFormatter.ofPattern("MM-dd").withZone(Times.ZONE);
        Series trend = new Series(days.stream().map(v -> md.format(v.start())).toList(), days.stream().map(Volume::items).toList(),
                days.stream().map(v -> v.items() == 0 ? 0.0 : Math.round(v.negative() * 1000.0 / v.items()) / 10.0).toList());

        List<Scorecard> lastMonth = scorecards.of(Period.monthOf(today).previous(), scope);
        return new Board(Times.format(now), glance, trend, areas(visible, areaCode, now), units(lastMonth, today),
                indices(lastMonth, today),
                due.stream().limit(12).map(d -> new DueRow(d.event().id(), d.event().title(), d.deadline().title(),
                        d.deadline().dueAtText(), d.deadline().countdownAt(now), d.deadline().colourAt(now))).toList());
    }

    /** Events of the last 30 days by the area below the reader's region they concern (every area listed), most first. */
    private Ranked areas(List<EventSnapshot> visible, String areaCode, Instant now) {
        List<Region> areas = areaCode == null ? List.of() : directory.childrenOf(areaCode);
        Map<String, Integer> count = new LinkedHashMap<>();
        areas.forEach(a -> count.put(a.code(), 0));
        int prefix = areas.isEmpty() ? 0 : areas.get(0).code().length();
        Instant since = now.minus(Duration.ofDays(TREND_DAYS));
        for (EventSnapshot e : visible) {
            if (!e.firstKnownAt().isBefore(since)) {
                e.placeCodes().stream().filter(c -> c.length() >= prefix).map(c -> c.substring(0, prefix)).distinct()
                        .filter(count::containsKey).forEach(c -> count.merge(c, 1, Integer::sum));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        areas.forEach(a -> names.put(a.code(), a.name()));
        List<Map.Entry<String, Integer>> sorted = count.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        String level = areas.isEmpty() ? "区域" : areas.get(0).level().label();
        return new Ranked("近30天各" + level + "舆情事件", sorted.stream().map(x -> names.get(x.getKey())).toList(),
                sorted.stream().map(x -> x.getValue().doubleValue()).toList());
    }

    /** Last month's ranked units by weighted on-time share, best first, at most ten. */
    private Ranked units(List<Scorecard> cards, LocalDate today) {
        Period last = Period.monthOf(today).previous();
        List<Scorecard> ranked = cards.stream().filter(Scorecard::ranked)
                .sorted(Comparator.comparingInt(Scorecard::rank)).limit(10).toList();
        return new Ranked(last.label() + "单位按时率排名（加权）", ranked.stream().map(Scorecard::unitName).toList(),
                ranked.stream().map(c -> Math.round(c.weightedOnTime() * 1000) / 10.0).toList());
    }

    /** Last month's units by the mean response index of their events, best first, at most ten (issue 20). */
    private Ranked indices(List<Scorecard> cards, LocalDate today) {
        List<Scorecard> indexed = cards.stream().filter(c -> c.responseIndex() != null)
                .sorted(Comparator.comparing(Scorecard::responseIndex).reversed().thenComparing(Scorecard::unitName)).limit(10).toList();
        return new Ranked(Period.monthOf(today).previous().label() + "单位回应指数（均值）", indexed.stream().map(Scorecard::unitName).toList(),
                indexed.stream().map(Scorecard::responseIndex).toList());
    }
}

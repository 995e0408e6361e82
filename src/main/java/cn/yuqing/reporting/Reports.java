package cn.yuqing.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.analysis.Volume;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.followup.FollowUps;
import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;
import cn.yuqing.review.CaseReview;
import cn.yuqing.review.CaseReviews;
import cn.yuqing.shared.Times;

/** The daily report (舆情日报), the weekly report (舆情周报) and the special report on one event (专报), within scope. */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** Closed events first known this many days before a period are not read for its releases and clocks. */
    static final int CLOSED_HORIZON_DAYS = 90;

    private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("MM-dd").withZone(Times.ZONE);
    private static final List<String> EVENT_HEADER = List.of("事件", "等级", "状态", "第一责任主体", "首次获知", "回应时限");
    private static final List<String> RELEASE_HEADER = List.of("发布时间", "事件", "回应方式", "标题");

    private final ItemAnalyses analyses;
    private final OpinionEvents opinions;
    private final Deadlines deadlines;
    private final Releases releases;
    private final FollowUps followUps;
    private final CaseReviews reviews;
    private final OrganisationDirectory directory;
    private final Clock clock;

    Reports(ItemAnalyses analyses, OpinionEvents opinions, Deadlines deadlines, Releases releases, FollowUps followUps,
            CaseReviews reviews, OrganisationDirectory directory, Clock clock) {
        this.analyses = analyses;
        this.opinions = opinions;
        this.deadlines = deadlines;
        this.releases = releases;
        this.followUps = followUps;
        this.reviews = reviews;
        this.directory = directory;
        this.clock = clock;
    }

    public Report daily(LocalDate day, DataScope scope, SignedInPerson reader) {
        return periodic("舆情日报", day, day.plusDays(1), day.minusDays(6), scope, reader,
                day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
    }

    /** The week (Monday to Sunday) that holds {@code anyDay}. */
    public Report weekly(LocalDate anyDay, DataScope scope, SignedInPerson reader) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        return periodic("舆情周报", monday, monday.plusDays(7), monday.minusDays(21), scope, reader,
                monday + " 至 " + sunday);
    }

    private Report periodic(String kind, LocalDate from, LocalDate toExclusive, LocalDate chartFrom, DataScope scope,
            SignedInPerson reader, String span) {
        Instant start = from.atStartOfDay(Times.ZONE).toInstant();
        Instant end = toExclusive.atStartOfDay(Times.ZONE).toInstant();
        Instant now = clock.instant();
        List<Volume> volume = analyses.daily(chartFrom, toExclusive, scope);
        List<Volume> inPeriod = volume.stream().filter(v -> !v.start().isBefore(start)).toList();
        int items = inPeriod.stream().mapToInt(Volume::items).sum();
        int negative = inPeriod.stream().mapToInt(Volume::negative).sum();
        List<EventSnapshot> visible = opinions.events(scope);
        List<EventSnapshot> opened = visible.stream().filter(e -> within(e.firstKnownAt(), start, end)).toList();
        List<EventSnapshot> open = visible.stream().filter(e -> e.state() != EventState.CLOSED && Boolean.TRUE.equals(e.keyResponse())
                && e.firstKnownAt().isBefore(end)).toList();
        Map<String, String> grades = gradeNames();
        List<List<String>> releaseRows = new ArrayList<>();
        int missed = 0;
        int met = 0;
        Map<Long, Deadlines.Board> boards = new HashMap<>();
        // releases and clocks of the period belong to open events or to recent ones: a closed event first known
        // long before is not read again for every report
        Instant horizon = start.minus(java.time.Duration.ofDays(CLOSED_HORIZON_DAYS));
        for (EventSnapshot e : visible) {
            if (e.state() == EventState.CLOSED && e.firstKnownAt().isBefore(horizon)) {
                continue;
            }
            for (Release r : releases.of(e.id(), scope)) {
                if (r.status() == Release.Status.PUBLISHED && within(r.publishedAt(), start, end)) {
                    releaseRows.add(List.of(r.publishedAtText(), e.title(), r.kind().label(), r.title()));
                }
            }
            Deadlines.Board board = deadlines.board(e.id(), scope);
            boards.put(e.id(), board);
            for (Deadline d : board.deadlines()) {
                if (within(d.dueAt(), start, end)) {
                    Deadlines.Outcome outcome = board.outcomeAt(d, now);
                    missed += outcome == Deadlines.Outcome.MISSED || outcome == Deadlines.Outcome.LATE ? 1 : 0;
                    met += outcome == Deadlines.Outcome.ON_TIME ? 1 : 0;
                }
            }
        }
        releaseRows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        String summary = span + "，共监测到舆情信息" + items + "条，其中负面" + negative + "条（" + percent(negative, items) + "）；新立舆情事件"
                + opened.size() + "件；发布回应" + releaseRows.size() + "次；在此期间到期的回应时限按时完成" + met + "项、超时" + missed
                + "项；截至期末办理中的重点回应舆情" + open.size() + "件。";
        List<Report.Part> parts = List.of(new Report.Part("一、总体情况", summary),
                new Report.Part("二、重点舆情", open.isEmpty() ? "无办理中的重点回应舆情。"
                        : String.join("\n", open.stream().map(e -> e.title() + "（" + grades.getOrDefault(e.grade(), "") + "，"
                                + e.state().label() + "）").toList())),
                new Report.Part("三、工作建议", missed > 0 ? "本期有回应时限超时，请相关单位严格落实第4.4条时限要求，做好持续发布。"
                        : "请各单位继续做好舆情监测和回应工作。"));
        Report.Chart chart = new Report.Chart("近" + volume.size() + "天舆情信息量与负面占比", volume.stream().map(v -> MD.format(v.start())).toList(),
                volume.stream().map(Volume::items).toList(), volume.stream().map(v -> share(v.negative(), v.items())).toList());
        List<Report.Table> tables = List.of(new Report.Table("新立舆情事件", EVENT_HEADER, eventRows(opened, grades, boards)),
                new Report.Table("发布的回应", RELEASE_HEADER, releaseRows));
        return new Report(kind + "-" + from, kind, span, parts, chart, tables, issuer(reader), toExclusive.minusDays(1));
    }

    /** 专报: one event for the leaders, from its record — what happened, what was done, the effect, what is open. */
    public Report special(Long eventId, DataScope scope, SignedInPerson reader) {
        CaseReview review = reviews.of(eventId, scope);
        EventSnapshot e = review.event();
        FollowUps.Trend trend = followUps.trend(eventId, scope);
        List<Double> share = new ArrayList<>();
        for (int i = 0; i < trend.items().size(); i++) {
            share.add(share(trend.negative().get(i), trend.items().get(i)));
        }
        String facts = (e.facts() == null ? "尚未核实。" : e.facts()) + (review.gradeName().isEmpty() ? ""
                : "\n研判为" + review.gradeName() + "舆情" + (e.emergency() ? "（涉及突发事件）" : "") + "。");
        String done = String.join("\n", review.timeline().stream().filter(m -> !m.kind().equals("时限"))
                .map(m -> m.atText() + " " + m.kind() + "：" + m.text()).toList());
        String open = review.duties().isEmpty() ? "各项职责已完成。"
                : String.join("\n", review.duties().stream().map(d -> d.text()).toList());
        List<List<String>> clocks = review.clocks().deadlines().stream().map(d -> List.of(d.title(), d.allowed(), d.dueAtText(),
                review.clocks().outcomeAt(d, clock.instant()).label())).toList();
        return new Report("专报-" + eventId, "关于" + e.title() + "的专报", "首次获知：" + e.firstKnownAtText() + "　当前状态：" + e.state().label(),
                List.of(new Report.Part("一、基本情况", facts), new Report.Part("二、处置情况", done.isEmpty() ? "无。" : done),
                        new Report.Part("三、回应效果", review.effect().verdict()), new Report.Part("四、待办事项", open)),
                new Report.Chart("信息量走势（按" + trend.bucket() + "）", trend.labels(), trend.items(), share),
                List.of(new Report.Table("回应时限", List.of("时限", "要求", "应完成", "结果"), clocks)), issuer(reader),
                clock.instant().atZone(Times.ZONE).toLocalDate());
    }

    /** {@code boards}: the clocks already read for the period, every event opened in it among them. */
    private List<List<String>> eventRows(List<EventSnapshot> events, Map<String, String> grades, Map<Long, Deadlines.Board> boards) {
        Map<Long, String> units = new HashMap<>();
        directory.allUnits().forEach(u -> units.put(u.id(), u.name()));
        return events.stream().map(e -> List.of(e.title(), grades.getOrDefault(e.grade(), "—"), e.state().label(),
                e.responsibleUnitId() == null ? "未确定" : units.getOrDefault(e.responsibleUnitId(), ""), e.firstKnownAtText(),
                boards.get(e.id()).summary())).toList();
    }

    private Map<String, String> gradeNames() {
        Map<String, String> names = new HashMap<>();
        opinions.grades().forEach(g -> names.put(g.code(), g.name()));
        return names;
    }

    private String issuer(SignedInPerson reader) {
        String region = directory.regionCodeOf(reader);
        return directory.governmentOfficeOf(region).map(Unit::name).orElse(directory.requireUnit(reader.unitId()).name());
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static String percent(int part, int whole) {
        return String.format("%.1f%%", share(part, whole));
    }
}

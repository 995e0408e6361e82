package cn.yuqing.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.CandidateFigures;
import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.Volume;
import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.Times;

/**
 * 4.5 follow-up: re-assessments with the figures they were made on (re-grading through the opinion
 * module, so the deadlines restart as on any re-grade), guidance and experts' interpretations, what
 * is due for re-assessment, and the trend of an event's volume with its releases marked.
 */
@Service
@Transactional
public class FollowUps {

    /** Spread is compared over two windows of this many hours. */
    static final int WINDOW_HOURS = 6;

    private static final CandidateFigures NO_FIGURES = new CandidateFigures(0, 0, 0, 0, 0, 0, 0, 0, null, null);

    private final ReassessmentRepository reassessments;
    private final GuidanceRepository guidance;
    private final OpinionEvents opinions;
    private final Candidates candidates;
    private final Releases releases;
    private final OrganisationDirectory directory;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration everyMajor;
    private final Duration everyOther;

    FollowUps(ReassessmentRepository reassessments, GuidanceRepository guidance, OpinionEvents opinions,
            Candidates candidates, Releases releases, OrganisationDirectory directory, JdbcTemplate jdbc,
            PlatformTransactionManager txManager, ApplicationEventPublisher events, Clock clock,
            @Value("${yuqing.follow-up.every-major:24h}") Duration everyMajor,
            @Value("${yuqing.follow-up.every-other:72h}") Duration everyOther) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.reassessments = reassessments;
        this.guidance = guidance;
        this.opinions = opinions;
        this.candidates = candidates;
        this.releases = releases;
        this.events = events;
        this.clock = clock;
        this.everyMajor = everyMajor;
        this.everyOther = everyOther;
    }

    /** What the analyst sees before deciding: the figures now and the spread. */
    public record Picture(EventSnapshot event, CandidateFigures figures, Spread spread) {
    }

    /** An open key event with its latest re-assessment (or none) and when the next one falls due. */
    public record Due(EventSnapshot event, Reassessment last, Instant dueAt, boolean overdue) {
        public String dueAtText() {
            return Times.format(dueAt);
        }
    }

    /** A trend chart: buckets with their labels, and where releases and re-assessments fall among them. */
    public record Trend(String bucket, List<String> labels, List<Integer> items, List<Integer> negative,
            List<Marker> releases, List<Marker> reassessments) {
    }

    public record Marker(int index, String at, String text) {
    }

    // ---- reading -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Picture picture(Long eventId, DataScope scope) {
        EventSnapshot e = opinions.event(eventId, scope);
        return new Picture(e, figures(e), spread(e, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Reassessment> reassessments(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return reassessments.findByEvent(eventId);
    }

    @Transactional(readOnly = true)
    public List<Guidance> guidance(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return guidance.findByEvent(eventId);
    }

    /**
     * The open key events in scope and when each is next due for re-assessment: every 24 h for
     * especially major and major events, every 72 h for others (the cadence of continued releases),
     * counted from the latest re-assessment or grading. Soonest first.
     */
    @Transactional(readOnly = true)
    public List<Due> due(DataScope scope) {
        Instant now = clock.instant();
        List<EventSnapshot> open = opinions.events(scope).stream().filter(FollowUps::followed).toList();
        Map<Long, Reassessment> latest = open.isEmpty() ? Map.of()
                : reassessments.findLatest(open.stream().map(EventSnapshot::id).toList()).stream()
                        .collect(Collectors.toMap(Reassessment::eventId, Function.identity(), (a, b) -> a.id() > b.id() ? a : b));
        return open.stream().map(e -> {
            Reassessment last = latest.get(e.id());
            Instant from = last == null || last.assessedAt().isBefore(e.gradedAt()) ? e.gradedAt() : last.assessedAt();
            Instant dueAt = from.plus(opinions.majorOrAbove(e) ? everyMajor : everyOther);
            return new Due(e, last, dueAt, !dueAt.isAfter(now));
        }).sorted(Comparator.comparing(Due::dueAt)).toList();
    }

    private static boolean followed(EventSnapshot e) {
        return Boolean.TRUE.equals(e.keyResponse()) && e.state() != EventState.CLOSED && e.gradedAt() != null;
    }

    /**
     * The event's volume from its first item (or first knowledge) to now or its closing, by the hour
     * up to three days and by the day beyond, with published releases and re-assessments marked.
     */
    @Transactional(readOnly = true)
    public Trend trend(Long eventId, DataScope scope) {
        EventSnapshot e = opinions.event(eventId, scope);
        CandidateFigures f = figures(e);
        Instant start = f.first() != null && f.first().isBefore(e.firstKnownAt()) ? f.first() : e.firstKnownAt();
        Instant end = e.closedAt() == null ? clock.instant() : e.closedAt();
        boolean hourly = Duration.between(start, end).compareTo(Duration.ofDays(3)) <= 0;
        Duration bucket = hourly ? Duration.ofHours(1) : Duration.ofDays(1);
        Instant from = hourly ? start.truncatedTo(ChronoUnit.HOURS)
                : start.atZone(Times.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant to = end.plus(bucket);
        List<Volume> volume = e.candidateId() == null ? emptyVolume(from, to, bucket)
                : candidates.volume(e.candidateId(), from, to, bucket);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
                .ofPattern(hourly ? "MM-dd HH时" : "MM-dd").withZone(Times.ZONE);
        Function<Instant, Integer> index = at -> (int) Math.max(0,
                Math.min(volume.size() - 1, Duration.between(from, at).toMillis() / bucket.toMillis()));
        List<Marker> published = releases.of(eventId, scope).stream().filter(r -> r.status() == Release.Status.PUBLISHED)
                .map(r -> new Marker(index.apply(r.publishedAt()), r.publishedAtText(), r.kind().label() + "：" + r.title()))
                .toList();
        Map<String, String> gradeNames = new LinkedHashMap<>();
        opinions.grades().forEach(g -> gradeNames.put(g.code(), g.name()));
        List<Marker> assessed = reassessments.findByEvent(eventId).stream()
                .map(r -> new Marker(index.apply(r.assessedAt()), r.assessedAtText(),
                        "研判复核：" + gradeNames.getOrDefault(r.gradeCode(), "") + "，传播" + r.trend().label()))
                .toList();
        return new Trend(hourly ? "小时" : "日", volume.stream().map(v -> format.format(v.start())).toList(),
                volume.stream().map(Volume::items).toList(), volume.stream().map(Volume::negative).toList(), published, assessed);
    }

    private static List<Volume> emptyVolume(Instant from, Instant to, Duration bucket) {
        List<Volume> empty = new ArrayList<>();
        for (Instant at = from; at.isBefore(to); at = at.plus(bucket)) {
            empty.add(new Volume(at, 0, 0));
        }
        return empty;
    }

    // ---- acting --------------------------------------------------------------------------

    /**
     * 4.5: the analyst's re-assessment on today's figures. A different grade or emergency flag is a
     * re-grade, taken through the opinion module so that the clocks restart as the new grade requires.
     */
    public Reassessment reassess(Long eventId, long version, DataScope scope, SignedInPerson by, String gradeCode,
            boolean emergency, String consequences, String note) {
        EventSnapshot e = opinions.event(eventId, scope);
        if (!followed(e)) {
            throw new DomainRuleViolation("4.5", "只有研判为重点回应、尚未办结的舆情才进行跟进研判");
        }
        Instant now = clock.instant();
        CandidateFigures figures = figures(e);
        Spread spread = spread(e, now);
        boolean regraded = !Objects.equals(gradeCode, e.grade()) || emergency != e.emergency();
        Reassessment r = new Reassessment(eventId, gradeCode, emergency, regraded, figures, spread, consequences, note,
                by.getUsername(), now);
        if (regraded) {
            opinions.regradeEvent(eventId, version, scope, by, gradeCode, emergency,
                    "跟进研判：传播" + spread.describe() + (r.note() == null ? "" : "；" + r.note()));
        }
        r = reassessments.save(r);
        events.publishEvent(FollowUpChanged.of("reassess", eventId, Map.of("grade", gradeCode == null ? "" : gradeCode,
                "emergency", emergency, "regraded", regraded, "trend", spread.trend().name(), "items", figures.items())));
        return r;
    }

    /** 4.5: guidance asked or given, or an expert's interpretation, on record with who gave it and when. */
    public Guidance record(Long eventId, DataScope scope, SignedInPerson by, Guidance.Kind kind, String source,
            Instant givenAt, String content, String channel) {
        EventSnapshot e = opinions.event(eventId, scope);
        if (e.state() == EventState.CLOSED) {
            throw new DomainRuleViolation("4.5", "舆情已办结，如需补充请先重新打开");
        }
        Guidance g = guidance.save(new Guidance(eventId, kind, source, givenAt, content, channel, by.getUsername(),
                clock.instant()));
        events.publishEvent(FollowUpChanged.of("guidance", eventId, Map.of("kind", kind.name(), "source", g.source())));
        return g;
    }

    // ---- reminders -----------------------------------------------------------------------

    /**
     * Tells the analysts of the unit that opened each event whose re-assessment has fallen due, once
     * per due time however many nodes run this; returns how many reminders this call sent.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int remindDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Due d : due(DataScope.forSystemTask("跟进研判到期提醒"))) {
            if (d.overdue() && remind(d, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(Due d, Instant now) {
        EventSnapshot e = d.event();
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                jdbc.update("insert into reassessment_reminder (event_id, due_at, sent_at) values (?, ?, ?)", e.id(),
                        java.sql.Timestamp.from(d.dueAt()), java.sql.Timestamp.from(now));
                events.publishEvent(new NotificationRequested(directory.peopleOf(Set.of(e.ownerUnitId()), Role.ANALYST),
                        "跟进研判到期：" + e.title(), "该舆情应于" + d.dueAtText() + "前完成研判复核（第4.5条）：核对传播速度和预期后果，必要时调整等级。",
                        "/events/" + e.id(), false));
                return true;
            }));
        } catch (DuplicateKeyException alreadySent) {
            return false;
        }
    }

    // ---- figures -------------------------------------------------------------------------

    private CandidateFigures figures(EventSnapshot e) {
        return e.candidateId() == null ? NO_FIGURES : candidates.figures(e.candidateId());
    }

    private Spread spread(EventSnapshot e, Instant now) {
        if (e.candidateId() == null) {
            return Spread.of(0, 0, WINDOW_HOURS);
        }
        Duration window = Duration.ofHours(WINDOW_HOURS);
        List<Volume> v = candidates.volume(e.candidateId(), now.minus(window.multipliedBy(2)), now, window);
        return Spread.of(v.get(1).items(), v.get(0).items(), WINDOW_HOURS);
    }

}

package cn.yuqing.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.Volume;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.DeadlineEntry;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.followup.FollowUps;
import cn.yuqing.followup.Guidance;
import cn.yuqing.followup.Reassessment;
import cn.yuqing.opinion.EventStep;
import cn.yuqing.opinion.Grade;
import cn.yuqing.opinion.OpenDuties;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;
import cn.yuqing.review.CaseReview.Effect;
import cn.yuqing.review.CaseReview.Moment;
import cn.yuqing.shared.Times;

/** 4.6: the review of one event, read from the record of every stage in the reader's scope. */
@Service
@Transactional(readOnly = true)
public class CaseReviews {

    private static final Duration WINDOW = Duration.ofHours(24);

    private final OpinionEvents opinions;
    private final Deadlines deadlines;
    private final Releases releases;
    private final FollowUps followUps;
    private final Candidates candidates;
    private final Clock clock;

    CaseReviews(OpinionEvents opinions, Deadlines deadlines, Releases releases, FollowUps followUps, Candidates candidates,
            Clock clock) {
        this.opinions = opinions;
        this.deadlines = deadlines;
        this.releases = releases;
        this.followUps = followUps;
        this.candidates = candidates;
        this.clock = clock;
    }

    public CaseReview of(Long eventId, DataScope scope) {
        EventSnapshot e = opinions.event(eventId, scope);
        String gradeName = opinions.grades().stream().filter(g -> g.code().equals(e.grade())).map(Grade::name).findFirst()
                .orElse("");
        Deadlines.Board board = deadlines.board(eventId, scope);
        List<Release> published = published(releases.of(eventId, scope));
        List<Reassessment> reassessments = followUps.reassessments(eventId, scope);
        List<Guidance> guidance = followUps.guidance(eventId, scope);
        Effect effect = effect(e, published);
        List<OpenDuties.Duty> duties = e.closable() ? opinions.openDuties(eventId, scope)
                : List.of();
        List<Moment> timeline = timeline(e, board, published, reassessments, guidance, scope);
        return new CaseReview(e, gradeName, timeline, board, published, effect, reassessments.size(), guidance.size(), duties,
                draft(e, gradeName, board, published, reassessments, effect), index(e, board, published, effect, scope));
    }

    private List<Moment> timeline(EventSnapshot e, Deadlines.Board board, List<Release> published,
            List<Reassessment> reassessments, List<Guidance> guidance, DataScope scope) {
        List<Moment> moments = new ArrayList<>();
        for (EventStep s : e.steps()) {
            moments.add(new Moment(s.at(), "办理", s.actionLabel() + (s.note() == null || s.note().isBlank() ? "" : "：" + s.note()),
                    s.actor()));
        }
        for (Deadline d : board.deadlines()) {
            for (DeadlineEntry h : board.historyOf(d)) {
                if (!h.kind().isReminder()) {
                    moments.add(new Moment(h.at(), "时限", d.title() + "（" + d.allowed() + "）" + h.kind().label()
                            + (h.detail() == null ? "" : "：" + h.detail()), "系统"));
                }
            }
        }
        for (Release r : published) {
            moments.add(new Moment(r.publishedAt(), "回应", r.kind().label() + "《" + r.title() + "》"
                    + (r.speaker() == null ? "" : "，发布人：" + r.speaker()), r.signedOffBy()));
        }
        releases.conferences(e.id(), scope).stream().filter(p -> p.heldAt() != null).forEach(p -> moments.add(
                new Moment(p.heldAt(), "发布会", "在" + p.place() + "举行新闻发布会，发布人：" + p.speakers(), null)));
        releases.referrals(e.id(), scope).forEach(f -> moments.add(new Moment(f.referredAt(), "移交",
                "移交" + f.recipient().label() + (f.itemId() == null ? "" : "（信息#" + f.itemId() + "）") + "：" + f.handedOver(),
                f.referredBy())));
        for (Reassessment r : reassessments) {
            moments.add(new Moment(r.assessedAt(), "跟进研判", (r.regraded() ? "调整等级，" : "") + "传播" + r.trend().label()
                    + "，预期后果：" + r.consequences(), r.assessedBy()));
        }
        for (Guidance g : guidance) {
            moments.add(new Moment(g.givenAt(), g.kind().label(), g.source() + "：" + g.content(), g.recordedBy()));
        }
        moments.sort(Comparator.comparing(Moment::at));
        return moments;
    }

    /** The response index of one event alone, for the scorecards (4.6): without the timeline and the draft. */
    public ResponseIndex indexOf(Long eventId, DataScope scope) {
        return index(opinions.event(eventId, scope), deadlines.board(eventId, scope), releases.of(eventId, scope), scope);
    }

    /** The index from a board and releases the caller has already read (the scorecards, per event); drafts are left out. */
    public ResponseIndex index(EventSnapshot e, Deadlines.Board board, List<Release> all, DataScope scope) {
        List<Release> sorted = published(all);
        return index(e, board, sorted, effect(e, sorted), scope);
    }

    /** The published releases, first published first. */
    private static List<Release> published(List<Release> all) {
        return all.stream().filter(r -> r.status() == Release.Status.PUBLISHED).sorted(Comparator.comparing(Release::publishedAt))
                .toList();
    }

    /** The response index (issue 20): each dimension from the record, explained. */
    ResponseIndex index(EventSnapshot e, Deadlines.Board board, List<Release> published, Effect effect, DataScope scope) {
        Instant now = clock.instant();
        Instant end = e.closedAt() == null ? now : e.closedAt();
        List<Volume> hourly = e.candidateId() == null ? List.of()
                : candidates.volume(e.candidateId(), e.firstKnownAt(), end, Duration.ofHours(1));
        return ResponseIndex.of(e, board.deadlines(), published, hourly, effect, releases.referrals(e.id(), scope).size(), now);
    }

    private Effect effect(EventSnapshot e, List<Release> published) {
        if (published.isEmpty()) {
            return new Effect(null, null, null);
        }
        Instant first = published.get(0).publishedAt();
        Instant end = e.closedAt() == null ? clock.instant() : e.closedAt();
        Instant beforeFrom = first.minus(WINDOW).isBefore(e.firstKnownAt()) ? e.firstKnownAt() : first.minus(WINDOW);
        Instant afterTo = first.plus(WINDOW).isBefore(end) ? first.plus(WINDOW) : end;
        return new Effect(first, window(e, beforeFrom, first), window(e, first, afterTo));
    }

    /** At least an hour, so that a window of minutes does not read as a storm. */
    private Effect.Window window(EventSnapshot e, Instant from, Instant to) {
        double hours = Math.max(1, Duration.between(from, to).toMinutes() / 60.0);
        if (e.candidateId() == null || !to.isAfter(from)) {
            return new Effect.Window(0, 0, hours);
        }
        Volume v = candidates.volume(e.candidateId(), from, to, Duration.between(from, to)).get(0);
        return new Effect.Window(v.items(), v.negative(), hours);
    }


    /** The text offered for the closing review: the record in four paragraphs, to be edited, not typed from nothing. */
    private static String draft(EventSnapshot e, String gradeName, Deadlines.Board board, List<Release> published,
            List<Reassessment> reassessments, Effect effect) {
        StringBuilder text = new StringBuilder();
        text.append("一、基本情况：").append(e.title()).append("，").append(Times.format(e.firstKnownAt())).append("首次获知");
        if (e.conclusion() != null) {
            text.append("，经核实").append(e.conclusion().label());
        }
        if (e.matterKind() != null) {
            text.append("，属于").append(e.matterKind().label());
        }
        if (!gradeName.isEmpty()) {
            text.append("，研判为").append(gradeName).append("舆情").append(e.emergency() ? "（涉及突发事件）" : "");
        }
        text.append("。\n二、回应情况：");
        if (published.isEmpty()) {
            text.append("未发布回应。");
        } else {
            Release first = published.get(0);
            text.append("共发布回应").append(published.size()).append("次，首次于").append(first.publishedAtText()).append("以")
                    .append(first.kind().label()).append("方式发布《").append(first.title()).append("》。");
        }
        text.append("回应时限").append(board.summary()).append("。\n三、跟进情况：");
        if (reassessments.isEmpty()) {
            text.append("未进行研判复核。");
        } else {
            Reassessment last = reassessments.get(reassessments.size() - 1);
            text.append("研判复核").append(reassessments.size()).append("次，最近一次（").append(last.assessedAtText())
                    .append("）传播").append(last.trend().label()).append("，预期后果：").append(last.consequences()).append("。");
        }
        text.append("\n四、回应效果：").append(effect.verdict());
        return text.toString();
    }
}

package cn.yuqing.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.opinion.EventGraded;
import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.EventStepTaken;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.response.ReleasePublished;

/**
 * Each event's deadlines (4.4). They start in the transaction that grades the event, so a graded
 * event without its clocks cannot exist; they run from the moment the government first knew; a
 * re-grade keeps a stricter running clock and supersedes a laxer one; a published release stops
 * what it answers and starts the next continued-release clock; closing stops the rest.
 */
@Service
@Transactional
public class Deadlines {

    /** An event's clocks and their history, for its page. */
    public record Board(List<Deadline> deadlines, Map<Long, List<DeadlineEntry>> history) {
        public List<DeadlineEntry> historyOf(Deadline d) {
            return history.getOrDefault(d.id(), List.of());
        }

        /** For the review of 4.6: how the clocks ended, e.g. "按时完成 2 项，超时完成 1 项，超时未完成 0 项". */
        public String summary() {
            Map<Outcome, Long> count = deadlines.stream().collect(Collectors.groupingBy(d -> outcomeAt(d, Instant.MIN),
                    Collectors.counting()));
            return "按时完成 " + count.getOrDefault(Outcome.ON_TIME, 0L) + " 项，超时完成 " + count.getOrDefault(Outcome.LATE, 0L)
                    + " 项，超时未完成 " + count.getOrDefault(Outcome.MISSED, 0L) + " 项";
        }

        /**
         * How a clock ended, as the review and the scorecards of 4.6 count it: met by its due time or
         * late; missed (also when stopped after its due time, or still running past it at {@code now});
         * still running; or void (superseded by a stricter clock, or stopped before it fell due).
         */
        public Outcome outcomeAt(Deadline d, Instant now) {
            return switch (d.status()) {
                case MET -> d.metAt().isAfter(d.dueAt()) ? Outcome.LATE : Outcome.ON_TIME;
                case MISSED -> Outcome.MISSED;
                case RUNNING -> d.dueAt().isBefore(now) ? Outcome.MISSED : Outcome.PENDING;
                case STOPPED -> d.dueAt().isBefore(stoppedAt(d)) ? Outcome.MISSED : Outcome.VOID;
                case SUPERSEDED -> Outcome.VOID;
            };
        }

        private Instant stoppedAt(Deadline d) {
            return historyOf(d).stream().filter(h -> h.kind() == DeadlineEntry.Kind.STOPPED).map(DeadlineEntry::at)
                    .findFirst().orElse(Instant.MIN);
        }
    }

    public enum Outcome {
        ON_TIME("按时完成"), LATE("超时完成"), MISSED("超时未完成"), PENDING("计时中"), VOID("不计");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An open clock with its event, for the lists of what falls due. */
    public record Due(Deadline deadline, EventSnapshot event) {
    }

    private final DeadlineRepository deadlines;
    private final DeadlineEntryRepository history;
    private final DeadlineTimerRepository timers;
    private final ClockPolicies policies;
    private final OpinionEvents opinions;
    private final WorkingTime time;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deadlines(DeadlineRepository deadlines, DeadlineEntryRepository history, DeadlineTimerRepository timers,
            ClockPolicies policies, OpinionEvents opinions, WorkingTime time, ApplicationEventPublisher events,
            Clock clock) {
        this.deadlines = deadlines;
        this.history = history;
        this.timers = timers;
        this.policies = policies;
        this.opinions = opinions;
        this.time = time;
        this.events = events;
        this.clock = clock;
    }

    // ---- reactions to the workflow -------------------------------------------------------------

    /**
     * 4.4 and DOMAIN.md: first grading counts from the moment the government first knew; a re-grade
     * counts from the re-grade, but a running clock of the same duty that falls due earlier stays,
     * and a clock already met is not asked for again (a response given stays given).
     */
    @EventListener
    void on(EventGraded graded) {
        Instant now = clock.instant();
        Optional<ClockPolicy> policy = policies.resolve(graded.grade(), graded.emergency());
        Deadline.Basis basis = graded.regrade() ? Deadline.Basis.REGRADE : Deadline.Basis.FIRST_KNOWN;
        Instant from = graded.regrade() ? graded.gradedAt() : graded.firstKnownAt();
        boolean grave = graded.majorOrAbove();
        List<Deadline> open = deadlines.findOpen(graded.eventId());
        Set<ClockKind> met = deadlines.findByEvent(graded.eventId()).stream().filter(d -> d.status() == Deadline.Status.MET)
                .map(Deadline::clock).collect(java.util.stream.Collectors.toSet());
        List<ClockRule> rules = policy.map(ClockPolicy::rules).orElse(List.of());
        for (ClockRule rule : rules) {
            if (rule.clock() == ClockKind.FOLLOW_UP || met.contains(rule.clock())) {
                continue; // continued releases start with the first release; a met clock is done
            }
            Instant due = time.add(from, rule.amount(), rule.unit());
            Optional<Deadline> sameDuty = open.stream().filter(d -> d.clock().sameDutyAs(rule.clock())).findFirst();
            if (sameDuty.isPresent() && !sameDuty.get().dueAt().isAfter(due)) {
                append(sameDuty.get(), sameDuty.get().kept("调整等级为" + graded.gradeName() + "后，原" + sameDuty.get().title()
                        + "时限（" + sameDuty.get().dueAtText() + "）更严格，继续有效", now));
                continue;
            }
            sameDuty.ifPresent(d -> end(d, d.supersede("调整等级后由更严格的" + rule.clock().label() + "时限（" + rule.allowed()
                    + "）取代", now)));
            start(graded.eventId(), rule, policy.get().name(), basis, from, due, grave, 1, now);
        }
        for (Deadline d : open) {
            boolean stillRequired = rules.stream().anyMatch(r -> r.clock().sameDutyAs(d.clock()));
            if (d.open() && !stillRequired) {
                end(d, d.stop("调整等级后不再要求" + d.clock().label(), now));
            }
        }
    }

    /** 4.6: a closed event's clocks stop; 4.5: a reopened one is followed up again. */
    @EventListener
    void on(EventStepTaken step) {
        Instant now = clock.instant();
        if (step.to() == EventState.CLOSED && "CLOSE".equals(step.step())) {
            for (Deadline d : deadlines.findOpen(step.eventId())) {
                end(d, d.stop("事件办结，停止计时", now));
            }
        } else if ("REOPEN".equals(step.step())) {
            startFollowUp(step.eventId(), Deadline.Basis.REOPEN, now);
        }
    }

    /** 4.4: a published release stops the clocks it answers; the next continued release is then due. */
    @EventListener
    void on(ReleasePublished release) {
        Instant now = clock.instant();
        boolean answered = false;
        Set<ClockKind> stops = ClockKind.answeredBy(release.kind());
        for (Deadline d : deadlines.findOpen(release.eventId())) {
            boolean answers = stops.contains(d.clock()) || d.clock() == ClockKind.FOLLOW_UP;
            if (answers) {
                end(d, d.meet(release.summary(), release.publishedAt()));
                answered = true;
            }
        }
        boolean followUpRunning = deadlines.findOpen(release.eventId()).stream().anyMatch(d -> d.clock() == ClockKind.FOLLOW_UP);
        if (answered && !followUpRunning) {
            startFollowUp(release.eventId(), Deadline.Basis.RELEASE, release.publishedAt().isAfter(now) ? now : release.publishedAt());
        }
    }

    private void startFollowUp(Long eventId, Deadline.Basis basis, Instant from) {
        EventSnapshot e = opinions.event(eventId, DataScope.forSystemTask("回应时限计时"));
        if (e.grade() == null || e.state() == EventState.CLOSED) {
            return;
        }
        policies.resolve(e.grade(), e.emergency()).ifPresent(policy -> policy.rule(ClockKind.FOLLOW_UP).ifPresent(rule -> {
            int next = deadlines.lastSequence(eventId, ClockKind.FOLLOW_UP) + 1;
            start(eventId, rule, policy.name(), basis, from, time.add(from, rule.amount(), rule.unit()), opinions.majorOrAbove(e), next,
                    clock.instant());
        }));
    }

    private void start(Long eventId, ClockRule rule, String policyName, Deadline.Basis basis, Instant from, Instant due,
            boolean grave, int sequence, Instant now) {
        Deadline d = deadlines.save(new Deadline(eventId, rule.clock(), sequence, policyName, rule.allowed(), basis, from,
                due, grave));
        append(d, d.started(now));
        List<DeadlineTimer> planned = new ArrayList<>();
        for (Instant at : rule.reminderTimes(from, due)) {
            if (at.isAfter(now)) {
                planned.add(new DeadlineTimer(d.id(), DeadlineTimer.Kind.REMIND, null, at));
            }
        }
        planned.add(new DeadlineTimer(d.id(), DeadlineTimer.Kind.DUE, null, due));
        for (ClockRule.Escalation step : rule.escalations()) {
            planned.add(new DeadlineTimer(d.id(), DeadlineTimer.Kind.ESCALATE, step.level(), due.plus(step.after())));
        }
        timers.saveAll(planned);
    }

    /** A clock that ends takes its pending timers with it; deleting them first waits for a timer being fired now. */
    private void end(Deadline d, DeadlineEntry entry) {
        timers.deleteByDeadline(d.id());
        append(d, entry);
    }

    void append(Deadline d, DeadlineEntry entry) {
        history.save(entry);
        if (!entry.kind().isReminder()) {
            events.publishEvent(new DeadlineChanged(d.eventId(), d.id(), d.clock(), entry.kind(), entry.at(), d.dueAt(),
                    entry.detail()));
        }
    }

    // ---- reads ---------------------------------------------------------------------------------

    /** The event's clocks and history; the event must be in the reader's scope. */
    @Transactional(readOnly = true)
    public Board board(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        List<Deadline> list = deadlines.findByEvent(eventId);
        Map<Long, List<DeadlineEntry>> entries = list.isEmpty() ? Map.of()
                : history.findByDeadlines(list.stream().map(Deadline::id).toList()).stream()
                        .collect(Collectors.groupingBy(DeadlineEntry::deadlineId));
        return new Board(list, entries);
    }

    /** Open clocks of the events in scope falling due within the window, and all overdue ones, soonest first. */
    @Transactional(readOnly = true)
    public List<Due> dueWithin(DataScope scope, Duration window) {
        Map<Long, EventSnapshot> visible = opinions.events(scope).stream()
                .collect(Collectors.toMap(EventSnapshot::id, Function.identity()));
        if (visible.isEmpty()) {
            return List.of();
        }
        Instant until = clock.instant().plus(window);
        return deadlines.findOpen(visible.keySet()).stream().filter(d -> !d.dueAt().isAfter(until))
                .sorted(Comparator.comparing(Deadline::dueAt)).map(d -> new Due(d, visible.get(d.eventId()))).toList();
    }

    /** Open clocks of several events (the work-order list shows each order's clocks). */
    @Transactional(readOnly = true)
    public Map<Long, List<Deadline>> openOf(List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return deadlines.findOpen(eventIds).stream().collect(Collectors.groupingBy(Deadline::eventId));
    }

    /** Timers whose work failed and that are being retried, with the last error: shown on the board, never silent. */
    @Transactional(readOnly = true)
    public List<String> failingTimers() {
        return timers.failing().stream().map(t -> "第" + t.attempts() + "次重试，下次 " + cn.yuqing.shared.Times.format(t.fireAt())
                + "：" + t.lastError()).toList();
    }

    public Instant now() {
        return clock.instant();
    }
}

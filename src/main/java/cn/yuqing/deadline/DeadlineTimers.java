package cn.yuqing.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.Roster;
import cn.yuqing.shared.ClockMoved;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.Times;

/**
 * Fires due timers: reminders, the deadline itself, escalation steps. A timer is claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and deleted in the transaction that does its work, so on
 * any number of nodes each fires once, and a process that dies mid-batch leaves the batch to be
 * fired after restart (late, never twice, never lost).
 */
@Service
public class DeadlineTimers {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTimers.class);

    /**
     * Claims due timers, locking only the rows returned, so that nodes share the due timers. Public
     * for the persistence contract, which checks it on every database.
     */
    public static final String CLAIM = """
            select id, deadline_id, kind, level, fire_at, attempts from deadline_timer
            where fire_at <= ? order by fire_at, id fetch first ? rows only for update skip locked""";

    /**
     * The same on H2, which sorts a {@code FOR UPDATE} query in memory and locks every row it
     * scanned: with 100,000 due timers each claim would read and lock them all. The timers are
     * picked through the index first, and only those are locked.
     */
    public static final String CLAIM_H2 = """
            select id, deadline_id, kind, level, fire_at, attempts from deadline_timer
            where id in (select id from deadline_timer where fire_at <= ? order by fire_at, id fetch first ? rows only)
            for update skip locked""";

    record Claimed(long id, long deadlineId, DeadlineTimer.Kind kind, EscalationLevel level, Instant fireAt, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DeadlineRepository deadlines;
    private final Deadlines service;
    private final OpinionEvents opinions;
    private final DeadlineRecipients recipients;
    private final ApplicationEventPublisher events;
    private final DeadlineSettings settings;
    private final Clock clock;
    private final String claim;

    DeadlineTimers(JdbcTemplate jdbc, PlatformTransactionManager txManager, DeadlineRepository deadlines, Deadlines service,
            OpinionEvents opinions, DeadlineRecipients recipients, ApplicationEventPublisher events,
            DeadlineSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.deadlines = deadlines;
        this.service = service;
        this.opinions = opinions;
        this.recipients = recipients;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.claim = claimFor(jdbc);
    }

    /** The demonstration clock jumped: what fell due fires now, as it would have on time. */
    @EventListener
    void on(ClockMoved moved) {
        fireDue();
    }

    /** Fires everything due now; returns how many timers fired. */
    public int fireDue() {
        return fireDue(lateness -> { });
    }

    /** Fires what is due; tells the consumer how late each timer fired, measured when its work was committed. */
    int fireDue(Consumer<Duration> lateness) {
        int fired = 0;
        while (true) {
            Instant now = clock.instant();
            List<Claimed> batch;
            try {
                batch = tx.execute(status -> fireBatch(now));
            } catch (RuntimeException failed) {
                log.warn("a batch of deadline timers failed, firing them one by one: {}", failed.toString());
                batch = fireSingly(now);
            }
            if (batch == null || batch.isEmpty()) {
                return fired;
            }
            Instant committed = clock.instant();
            batch.forEach(t -> lateness.accept(Duration.between(t.fireAt(), committed)));
            fired += batch.size();
        }
    }

    private List<Claimed> fireBatch(Instant now) {
        List<Claimed> batch = claim(now, settings.batchSize());
        Messages messages = new Messages();
        // deadlines are locked in ascending order on every node, so two nodes never wait on each other in a circle
        List<Claimed> ordered = batch.stream()
                .sorted(Comparator.comparing(Claimed::deadlineId).thenComparing(Claimed::fireAt)).toList();
        Set<Long> superseded = supersededReminders(ordered);
        for (Claimed t : ordered) {
            fire(t, now, messages, superseded.contains(t.id()));
        }
        messages.send();
        jdbc.batchUpdate("delete from deadline_timer where id = ?", batch, batch.size(),
                (ps, t) -> ps.setLong(1, t.id()));
        return batch;
    }

    /**
     * After a failed batch: each timer in its own transaction; one that fails again is put off with a
     * growing pause and its error kept on the row. Returns the timers that fired.
     */
    private List<Claimed> fireSingly(Instant now) {
        List<Claimed> due = jdbc.query("select id, deadline_id, kind, level, fire_at, attempts from deadline_timer"
                + " where fire_at <= ? order by fire_at, id fetch first ? rows only", this::row, Timestamp.from(now),
                settings.batchSize());
        List<Claimed> fired = new ArrayList<>();
        for (Claimed candidate : due) {
            try {
                tx.executeWithoutResult(status -> {
                    List<Claimed> one = jdbc.query("select id, deadline_id, kind, level, fire_at, attempts from deadline_timer"
                            + " where id = ? for update skip locked", this::row, candidate.id());
                    Messages messages = new Messages();
                    for (Claimed t : one) {
                        fire(t, now, messages, false);
                        jdbc.update("delete from deadline_timer where id = ?", t.id());
                    }
                    messages.send();
                    fired.addAll(one);
                });
            } catch (RuntimeException failed) {
                log.error("deadline timer {} failed", candidate.id(), failed);
                Duration backoff = Duration.ofMinutes(Math.min(60, 1L << Math.min(candidate.attempts(), 6)));
                String error = failed.toString();
                jdbc.update("update deadline_timer set attempts = attempts + 1, fire_at = ?, last_error = ? where id = ?",
                        Timestamp.from(now.plus(backoff)), error.length() > 500 ? error.substring(0, 500) : error,
                        candidate.id());
            }
        }
        return fired;
    }

    private List<Claimed> claim(Instant now, int limit) {
        return jdbc.query(claim, this::row, Timestamp.from(now), limit);
    }

    /** The claim for the database at hand. */
    public static String claimFor(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return "H2".equalsIgnoreCase(product) ? CLAIM_H2 : CLAIM;
    }

    private Claimed row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String level = rs.getString("level");
        return new Claimed(rs.getLong("id"), rs.getLong("deadline_id"), DeadlineTimer.Kind.valueOf(rs.getString("kind")),
                level == null ? null : EscalationLevel.valueOf(level), Times.instant(rs.getObject("fire_at")),
                rs.getInt("attempts"));
    }

    /**
     * Reminders of one clock falling due together (the demonstration clock jumped, the system was
     * down, a node paused): all but the latest are skipped, so that one notice is sent, not three
     * alike. Timers arrive ordered by deadline, then due time.
     */
    static Set<Long> supersededReminders(List<Claimed> ordered) {
        Set<Long> superseded = new HashSet<>();
        for (int i = 0; i + 1 < ordered.size(); i++) {
            Claimed t = ordered.get(i);
            Claimed next = ordered.get(i + 1);
            if (t.kind() == DeadlineTimer.Kind.REMIND && next.kind() == DeadlineTimer.Kind.REMIND
                    && t.deadlineId() == next.deadlineId()) {
                superseded.add(t.id());
            }
        }
        return superseded;
    }

    private void fire(Claimed t, Instant now, Messages messages, boolean superseded) {
        Deadline d = deadlines.findForUpdate(t.deadlineId()).orElse(null);
        if (d == null) {
            return;
        }
        EventSnapshot e = opinions.event(d.eventId(), DataScope.forSystemTask("时限提醒与督办"));
        switch (t.kind()) {
            case REMIND -> {
                if (d.status() == Deadline.Status.RUNNING && (superseded || !now.isBefore(d.dueAt()))) {
                    // a later reminder, or the miss itself, tells the unit what this one would have
                    service.append(d, d.reminderSkipped(now, t.fireAt()));
                } else if (d.status() == Deadline.Status.RUNNING) {
                    service.append(d, d.reminded(now));
                    messages.add(e, EscalationLevel.RESPONSIBLE_UNIT, "时限提醒：" + d.title() + " · " + e.title(),
                            d.title() + "（" + d.allowed() + "）应于" + d.dueAtText() + "前完成，" + d.countdownAt(now) + "。", false);
                }
            }
            case DUE -> missIfRunning(d, e, now, messages);
            case ESCALATE -> {
                // another node may hold the due timer of this deadline: an escalation never waits for it
                missIfRunning(d, e, now, messages);
                if (d.status() == Deadline.Status.MISSED) {
                    EscalationLevel level = t.level() == null ? EscalationLevel.DEPARTMENT_HEAD : t.level();
                    service.append(d, d.escalated(level, now));
                    // past the unit's own head, the 催办通知书 becomes a 督办单 (issue 19)
                    events.publishEvent(new cn.yuqing.shared.ClockOverdue(d.eventId(), d.title(), d.dueAt(),
                            level.ordinal() > EscalationLevel.DEPARTMENT_HEAD.ordinal()));
                    messages.add(e, level, "督办：" + d.title() + "超时 · " + e.title(),
                            d.title() + "应于" + d.dueAtText() + "前完成，" + d.countdownAt(now) + "，按时限规则告知"
                                    + level.label() + "，请督促办理。", d.grave());
                }
            }
        }
    }

    private void missIfRunning(Deadline d, EventSnapshot e, Instant now, Messages messages) {
        if (d.status() == Deadline.Status.RUNNING && !now.isBefore(d.dueAt())) {
            service.append(d, d.miss(now));
            events.publishEvent(new cn.yuqing.shared.ClockOverdue(d.eventId(), d.title(), d.dueAt(), false));
            messages.add(e, EscalationLevel.RESPONSIBLE_UNIT, "已超时：" + d.title() + " · " + e.title(),
                    d.title() + "（" + d.allowed() + "）应于" + d.dueAtText() + "前完成，现已超时，请立即处置。", d.grave());
        }
    }

    /**
     * The notices of one batch, one per event, recipients and urgency: several clocks of one event
     * falling due together make one message, not one each. Recipients are read from one roster.
     */
    private final class Messages {

        private record Key(Long eventId, EscalationLevel level, boolean urgent) {
        }

        private final Map<Key, List<String[]>> lines = new java.util.LinkedHashMap<>();
        private final Map<Key, EventSnapshot> subjects = new HashMap<>();
        private Roster roster;

        void add(EventSnapshot e, EscalationLevel level, String title, String body, boolean urgent) {
            Key key = new Key(e.id(), level, urgent);
            subjects.put(key, e);
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {title, body});
        }

        void send() {
            Map<String, Set<Long>> people = new HashMap<>();
            lines.forEach((key, said) -> {
                EventSnapshot e = subjects.get(key);
                if (roster == null) {
                    roster = recipients.roster();
                }
                Set<Long> who = people.computeIfAbsent(key.eventId() + "/" + key.level(), k -> recipients.of(e, key.level(), roster));
                if (who.isEmpty()) {
                    return;
                }
                String title = said.size() == 1 ? said.get(0)[0] : "时限提醒与督办（" + said.size() + "项）· " + e.title();
                String body = String.join("\n", said.stream().map(l -> said.size() == 1 ? l[1] : l[0] + "：" + l[1]).toList());
                events.publishEvent(new NotificationRequested(who, title, body, "/events/" + e.id(), key.urgent()));
            });
        }
    }
}

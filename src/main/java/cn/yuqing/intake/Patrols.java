package cn.yuqing.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.Times;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.WorkingCalendar;

/** 4.1 收集记录: each look at a channel is recorded; the daily board; reminders for patrols not done. */
@Service
@Transactional
public class Patrols {

    private final PatrolRepository patrols;
    private final ChannelRepository channels;
    private final ItemRepository items;
    private final WorkingCalendar calendar;
    private final PatrolSettings settings;
    private final OrganisationDirectory directory;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    Patrols(PatrolRepository patrols, ChannelRepository channels, ItemRepository items, WorkingCalendar calendar,
            PatrolSettings settings, OrganisationDirectory directory, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.patrols = patrols;
        this.channels = channels;
        this.items = items;
        this.calendar = calendar;
        this.settings = settings;
        this.directory = directory;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A patrol is recorded by someone who may read the channel; "nothing found" is said explicitly. */
    public PatrolRecord record(Long channelId, DataScope scope, SignedInPerson monitor, boolean nothingFound, String note) {
        Channel channel = channels.findById(channelId).filter(c -> scope.covers(c.unitId()) || c.monitorIds()
                .contains(monitor.personId())).orElseThrow(() -> new DomainRuleViolation("未知的渠道或无权巡查该渠道"));
        if (!channel.active()) {
            throw new DomainRuleViolation("该渠道已停用");
        }
        PatrolRecord record = patrols.save(new PatrolRecord(channel.id(), monitor.personId(), monitor.fullName(),
                clock.instant(), nothingFound, note));
        events.publishEvent(IntakeAudited.of("intake:patrol:record", "channel/" + channel.id(),
                Map.of("patrol", record.id(), "nothingFound", nothingFound, "note", record.note() == null ? "" : record.note())));
        return record;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<PatrolRecord> find(Long id) {
        return patrols.findById(id);
    }

    public record BoardRow(Channel channel, int due, int dueSoFar, int done, List<PatrolRecord> today, long itemsFound) {

        public boolean behind() {
            return done < dueSoFar;
        }

        public boolean complete() {
            return due > 0 && done >= due;
        }
    }

    /** Today's board: per channel, the patrols due today, due by now, and done. */
    @Transactional(readOnly = true)
    public List<BoardRow> board(List<Channel> visible) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        boolean working = calendar.isWorkingDay(today);
        List<Long> ids = visible.stream().filter(Channel::active).map(Channel::id).toList();
        Map<Long, List<PatrolRecord>> byChannel = new HashMap<>();
        if (!ids.isEmpty()) {
            patrols.findOnDay(today, ids).forEach(p -> byChannel.computeIfAbsent(p.channelId(), k -> new ArrayList<>()).add(p));
        }
        List<BoardRow> rows = new ArrayList<>();
        for (Channel c : visible) {
            if (!c.active()) {
                continue;
            }
            List<PatrolRecord> done = byChannel.getOrDefault(c.id(), List.of());
            int due = working ? c.patrolsPerDay() : 0;
            int dueSoFar = working ? slotsEnded(c.patrolsPerDay(), today, now) : 0;
            long found = done.stream().mapToLong(p -> items.countByPatrol(p.id())).sum();
            rows.add(new BoardRow(c, due, dueSoFar, done.size(), done, found));
        }
        return rows;
    }

    /** Patrols of one unit's channels over a period: due on working days, and done (at most the due number a day). */
    public record Tally(int due, int done) {
    }

    /**
     * 4.1 for the scorecards of 4.6: per unit, the patrols its active channels owed on the working days
     * from {@code from} to {@code toExclusive}, and those done; extra patrols on one day do not make up
     * for a missed one, and patrols on days off are not owed.
     */
    @Transactional(readOnly = true)
    public Map<Long, Tally> tally(LocalDate from, LocalDate toExclusive) {
        List<LocalDate> working = from.datesUntil(toExclusive).filter(calendar::isWorkingDay).toList();
        Map<String, Integer> doneByChannelDay = new HashMap<>();
        patrols.findBetween(from, toExclusive)
                .forEach(p -> doneByChannelDay.merge(p.channelId() + "@" + p.workingDay(), 1, Integer::sum));
        Map<Long, int[]> byUnit = new HashMap<>();
        for (Channel c : channels.findAll()) {
            if (!c.active()) {
                continue;
            }
            int[] t = byUnit.computeIfAbsent(c.unitId(), k -> new int[2]);
            for (LocalDate day : working) {
                t[0] += c.patrolsPerDay();
                t[1] += Math.min(c.patrolsPerDay(), doneByChannelDay.getOrDefault(c.id() + "@" + day, 0));
            }
        }
        Map<Long, Tally> tally = new HashMap<>();
        byUnit.forEach((unit, t) -> tally.put(unit, new Tally(t[0], t[1])));
        return tally;
    }

    /** The due time of each slot of the day, in order. */
    List<Instant> dueTimes(int patrolsPerDay, LocalDate day) {
        LocalDateTime start = day.atTime(settings.workStart());
        Duration slot = Duration.between(settings.workStart(), settings.workEnd()).dividedBy(patrolsPerDay);
        List<Instant> due = new ArrayList<>();
        for (int i = 1; i <= patrolsPerDay; i++) {
            due.add(start.plus(slot.multipliedBy(i)).atZone(Times.ZONE).toInstant());
        }
        return due;
    }

    private int slotsEnded(int patrolsPerDay, LocalDate day, Instant now) {
        return (int) dueTimes(patrolsPerDay, day).stream().filter(t -> !now.isBefore(t)).count();
    }

    /**
     * Reminds the monitors of each channel whose i-th patrol of today is due and not done, and the
     * unit's leaders once {@code leaderDelay} more has passed. Each reminder is inserted under a
     * unique key first, so two nodes running this at once send it once.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sendReminders() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        if (!calendar.isWorkingDay(today)) {
            return 0;
        }
        int sent = 0;
        List<Channel> active = channels.findActive();
        Map<Long, Integer> doneCount = new HashMap<>();
        if (!active.isEmpty()) {
            patrols.findOnDay(today, active.stream().map(Channel::id).toList())
                    .forEach(p -> doneCount.merge(p.channelId(), 1, Integer::sum));
        }
        for (Channel c : active) {
            List<Instant> due = dueTimes(c.patrolsPerDay(), today);
            int done = doneCount.getOrDefault(c.id(), 0);
            for (int slot = 0; slot < due.size(); slot++) {
                if (done > slot) {
                    continue;
                }
                if (!now.isBefore(due.get(slot)) && remind(c.id(), today, slot, "MONITOR", now,
                        new NotificationRequested(c.monitorIds(), "巡查提醒：" + c.name(), "今日第" + (slot + 1) + "次巡查应于"
                                + Times.format(due.get(slot)).substring(11) + "前完成，尚未记录。", "/intake/patrols", false))) {
                    sent++;
                }
                if (!now.isBefore(due.get(slot).plus(settings.leaderDelay())) && remind(c.id(), today, slot, "LEADER", now,
                        new NotificationRequested(directory.leadersOf(c.unitId()), "巡查未完成：" + c.name(), "今日第" + (slot + 1)
                                + "次巡查逾期" + Times.describe(settings.leaderDelay()) + "仍未记录，请督促。", "/intake/patrols",
                                false))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Claims the reminder and sends it in one transaction: either both happen or neither. */
    private boolean remind(Long channelId, LocalDate day, int slot, String level, Instant now, NotificationRequested notice) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                jdbc.update("insert into patrol_reminder (channel_id, working_day, slot, level, sent_at) values (?, ?, ?, ?, ?)",
                        channelId, day, slot, level, java.sql.Timestamp.from(now));
                events.publishEvent(notice);
                return true;
            }));
        } catch (DuplicateKeyException alreadySent) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public List<PatrolRecord> history(Long channelId, int limit) {
        return patrols.findLatest(channelId, PageRequest.of(0, limit));
    }
}

package cn.yuqing.deadline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.organisation.OrganisationDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline timers with 100,000 open deadlines, on a real clock, fired by two scheduler instances
 * (two nodes) on one database:
 * <ol>
 * <li>lateness: 5,000 of them fall due spread over 30 s while both nodes poll every second;
 *     lateness = commit time of the firing − due time, p50/p99/max;</li>
 * <li>throughput: a burst of 20,000 falls due at once (the rest stay open) and both nodes drain
 *     it; against the bare baseline measured in the same run: the same claim
 *     ({@code FOR UPDATE SKIP LOCKED}) and delete of 20,000 timer rows with no work done.</li>
 * </ol>
 * Every deadline that fell due must be missed exactly once, or the run fails.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest='*DeadlineTimerBenchmark'}. Not part of the test suite.
 */
@Tag("benchmark")
abstract class DeadlineTimerBenchmark {

    static final int EVENTS = 100;
    static final int DEADLINES = 100_000;
    static final int SPREAD = 5_000;
    static final int BURST = 20_000;
    static final Duration WINDOW = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofSeconds(1);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineTimers timers;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Clock clock;

    abstract String database();

    @Test
    void firesOneHundredThousandOpenDeadlines() throws Exception {
        long s0 = System.nanoTime();
        seed(clock.instant());
        // the window opens once seeding is done, so that its time is not counted as lateness
        Instant start = clock.instant().plusSeconds(5);
        spread(start);
        System.out.printf("%s: %,d open deadlines seeded in %.1f s, %,d due over %d s from %s%n", database(), DEADLINES,
                (System.nanoTime() - s0) / 1e9, SPREAD, WINDOW.toSeconds(), start);

        // phase 1: lateness while both nodes poll every second
        List<Duration> lateness = Collections.synchronizedList(new ArrayList<>());
        Instant until = start.plus(WINDOW).plusSeconds(3);
        runNodes(() -> {
            int fired = 0;
            while (clock.instant().isBefore(until)) {
                fired += timers.fireDue(lateness::add);
                Thread.sleep(POLL.toMillis());
            }
            return fired;
        });
        assertThat(lateness).hasSize(SPREAD);

        // phase 2: a burst falls due at once, the other open deadlines still in the table
        Timestamp now = Timestamp.from(clock.instant().minusSeconds(1));
        Long last = jdbc.queryForObject("select max(id) from (select id from deadline where status = 'RUNNING' order by id"
                + " fetch first " + BURST + " rows only) burst", Long.class);
        jdbc.update("update deadline set due_at = ? where status = 'RUNNING' and id <= ?", now, last);
        jdbc.update("update deadline_timer set fire_at = ? where deadline_id <= ?", now, last);
        long t0 = System.nanoTime();
        int drained = runNodes(() -> timers.fireDue());
        double fullRate = drained / ((System.nanoTime() - t0) / 1e9);
        assertThat(drained).isEqualTo(BURST);
        assertThat(jdbc.queryForObject("select count(*) from deadline_entry where kind = 'MISSED'", Long.class))
                .isEqualTo(SPREAD + BURST);

        // baseline: claim and delete the same number of bare timer rows, no work
        Long anyDeadline = jdbc.queryForObject("select min(id) from deadline", Long.class);
        insertTimers(anyDeadline, BURST, clock.instant().minusSeconds(1));
        TransactionTemplate tx = new TransactionTemplate(txManager);
        String claim = DeadlineTimers.claimFor(jdbc);
        long b0 = System.nanoTime();
        int bare = runNodes(() -> {
            int n = 0;
            while (true) {
                Integer claimed = tx.execute(s -> {
                    List<Long> ids = jdbc.query(claim, (rs, i) -> rs.getLong("id"),
                            Timestamp.from(clock.instant()), 200);
                    jdbc.batchUpdate("delete from deadline_timer where id = ?", ids, ids.size(), (ps, id) -> ps.setLong(1, id));
                    return ids.size();
                });
                if (claimed == 0) {
                    return n;
                }
                n += claimed;
            }
        });
        double bareRate = bare / ((System.nanoTime() - b0) / 1e9);

        List<Long> millis = lateness.stream().map(Duration::toMillis).sorted().toList();
        String report = String.format("""
                deadline timers on %s, %,d open deadlines, 2 scheduler instances, %s, %d cores
                  lateness of %,d timers due over %d s, polling every %d s: p50 %,d ms, p99 %,d ms, max %,d ms
                  throughput of a burst of %,d timers due at once (miss + history + audit + in-app notices): %,.0f timers/s
                  baseline, bare claim+delete of the same number of rows: %,.0f rows/s
                  ratio firing / bare: %.2f
                """, database(), DEADLINES, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                SPREAD, WINDOW.toSeconds(), POLL.toSeconds(), percentile(millis, 50), percentile(millis, 99),
                millis.get(millis.size() - 1), drained, fullRate, bareRate, fullRate / bareRate);
        System.out.print(report);
        Path out = Path.of("target/bench/deadline-timers-" + database().toLowerCase().replace(' ', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    int runNodes(java.util.concurrent.Callable<Integer> node) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            int total = 0;
            for (Future<Integer> f : two.invokeAll(List.of(node, node))) {
                total += f.get();
            }
            return total;
        } finally {
            two.shutdown();
        }
    }

    /** Every 20th deadline falls due in the window, evenly spread. */
    void spread(Instant start) {
        List<Long> ids = jdbc.queryForList("select id from deadline order by id", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < SPREAD; k++) {
            rows.add(new Object[] {Timestamp.from(start.plusMillis(WINDOW.toMillis() * k / SPREAD)), ids.get(k * (DEADLINES / SPREAD))});
        }
        jdbc.batchUpdate("update deadline set due_at = ? where id = ?", rows);
        jdbc.batchUpdate("update deadline_timer set fire_at = ? where deadline_id = ?", rows);
    }

    /** 100 events routed to the 住建局, 1,000 statement clocks each, due in a year until {@link #spread} moves some. */
    void seed(Instant start) {
        Long office = directory.governmentOfficeOf("411526").orElseThrow().id();
        Long housing = directory.unitsIn("411526").stream().filter(u -> u.name().contains("住房和城乡建设局")).findFirst()
                .orElseThrow().id();
        List<Object[]> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(new Object[] {"基准测试事件" + i, office, Timestamp.from(start), housing});
        }
        jdbc.batchUpdate("insert into opinion_event (title, owner_unit_id, level_region_code, first_known_at, state, grade,"
                + " emergency, key_response, responsible_unit_id) values (?, ?, '411526', ?, 'JUDGED', 'MAJOR', true, true, ?)", events);
        List<Long> eventIds = jdbc.queryForList("select id from opinion_event where title like '基准测试事件%' order by id", Long.class);
        List<Object[]> deadlines = new ArrayList<>();
        for (Long event : eventIds) {
            for (int i = 0; i < DEADLINES / EVENTS; i++) {
                Instant due = start.plus(Duration.ofDays(365));
                deadlines.add(new Object[] {event, i + 1, Timestamp.from(start), Timestamp.from(due)});
            }
        }
        for (int from = 0; from < deadlines.size(); from += 5000) {
            jdbc.batchUpdate("insert into deadline (event_id, clock, sequence, policy, allowed, basis, started_at, due_at, status,"
                    + " grave) values (?, 'STATEMENT', ?, '基准', '5小时', 'FIRST_KNOWN', ?, ?, 'RUNNING', true)",
                    deadlines.subList(from, Math.min(deadlines.size(), from + 5000)));
        }
        jdbc.update("insert into deadline_timer (deadline_id, kind, step, fire_at) select id, 'DUE', 0, due_at from deadline");
    }

    void insertTimers(Long deadline, int count, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {deadline, Timestamp.from(at)});
        }
        for (int from = 0; from < rows.size(); from += 5000) {
            jdbc.batchUpdate("insert into deadline_timer (deadline_id, kind, step, fire_at) values (?, 'REMIND', 0, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 5000)));
        }
    }

}

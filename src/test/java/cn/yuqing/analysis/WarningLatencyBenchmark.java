package cn.yuqing.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Provenance;
import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.ChinesePosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item → warning: a monitor's urgent post, from the moment intake acknowledges it, until (1) the
 * analyst has the notice and (2) its candidate carries the 预警苗头 suggestion in the analysts'
 * queue (the analysis has placed it). Measured idle, then while other posts arrive at
 * {@code -Dbench.background} items a second (default {@value #BACKGROUND}, which the analysis keeps
 * up with on 2 cores), and with a backlog of {@value #BACKLOG} ordinary items waiting for analysis
 * (topped up before each probe), in one run; the loaded figures are read as ratios of the idle ones.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=WarningLatencyBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "yuqing.data-dir=target/bench-warning",
        "spring.datasource.url=jdbc:h2:file:./target/bench-warning/bench-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
        "spring.jpa.properties.hibernate.search.backend.directory.root=target/bench-warning/index-${random.uuid}",
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=write-sync"})
@ActiveProfiles({"demo", "test"})
class WarningLatencyBenchmark {

    static final int PROBES = 20;
    static final int BACKGROUND = 15;
    static final int BACKLOG = 20_000;

    @Autowired
    PlacementWorkers workers;
    @Autowired
    ItemIntake intake;
    @Autowired
    Channels channels;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ItemAnalyses analyses;
    @Autowired
    Candidates candidates;
    @Autowired
    Notifications notifications;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final AtomicLong seed = new AtomicLong();
    Long channel;

    @Test
    void anUrgentPostReachesTheAnalystAndTheQueueIdleAndUnderLoad() throws Exception {
        int background = Integer.getInteger("bench.background", BACKGROUND);
        channel = channels.create(new ChannelData("延迟测试渠道", ChannelType.WEIBO,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, java.util.Set.of()), DataScope.installation()).id();
        probes(5); // warm-up
        List<long[]> idle = probes(PROBES);

        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        load.scheduleAtFixedRate(() -> intake.receive(ChinesePosts.texts(5, seed.incrementAndGet() + 1_000_000).stream()
                .map(t -> ItemSubmission.of(channel, "bg-" + System.nanoTime() + "-" + t.hashCode(), null, null, t, null, null)).toList(),
                new Provenance("bench", null, null, null)), 0, 5_000_000L / background, TimeUnit.MICROSECONDS);
        List<long[]> loaded;
        try {
            Thread.sleep(10_000); // the load settles
            loaded = probes(PROBES);
        } finally {
            load.shutdownNow();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }

        List<long[]> behindBacklog = new ArrayList<>();
        long smallestBacklog = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            smallestBacklog = Math.min(smallestBacklog, topUpBacklog());
            behindBacklog.addAll(probes(1));
        }

        long idleNotice = median(idle, 0);
        long idleQueue = median(idle, 1);
        long loadedNotice = median(loaded, 0);
        long loadedQueue = median(loaded, 1);
        String report = String.format("""
                Item → warning, %d urgent posts each, idle and with %d other posts/s arriving (ms from acknowledgement)
                analyst's notice   idle: median %d p95 %d   loaded: median %d p95 %d   ratio %.2f
                warning in queue   idle: median %d p95 %d   loaded: median %d p95 %d   ratio %.2f
                behind a backlog of at least %,d items: warning in queue median %d p99 %d   ratio to idle %.2f
                machine: %d cores, %s %s
                """, PROBES, background, idleNotice, p95(idle, 0), loadedNotice, p95(loaded, 0),
                (double) Math.max(loadedNotice, 1) / Math.max(idleNotice, 1), idleQueue, p95(idle, 1), loadedQueue, p95(loaded, 1),
                (double) loadedQueue / Math.max(idleQueue, 1), smallestBacklog, median(behindBacklog, 1), p99(behindBacklog, 1),
                (double) median(behindBacklog, 1) / Math.max(idleQueue, 1), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/warning-latency.txt"), report);
        assertThat(idleQueue).isPositive();
    }

    /**
     * Ordinary items until {@value #BACKLOG} wait in the analysis queue; returns how many wait.
     * The workers pause meanwhile: placement now drains faster than intake fills, so a backlog
     * topped up while they ran would never reach its size.
     */
    private long topUpBacklog() {
        workers.stop();
        try {
            long waiting = jdbc.queryForObject("select count(*) from analysis_queue", Long.class);
            while (waiting < BACKLOG) {
                int n = (int) Math.min(ItemIntake.MAX_BATCH, BACKLOG - waiting);
                intake.receive(ChinesePosts.texts(n, seed.incrementAndGet() + 2_000_000).stream()
                        .map(t -> ItemSubmission.of(channel, "backlog-" + System.nanoTime() + "-" + t.hashCode(), null, null, t,
                                null, null)).toList(), new Provenance("bench", null, null, null));
                waiting = jdbc.queryForObject("select count(*) from analysis_queue", Long.class);
            }
            return waiting;
        } finally {
            workers.start();
        }
    }

    /** Each probe: [ms until the analyst's notice, ms until the warning is in the queue]. */
    private List<long[]> probes(int n) {
        Long analyst = directory.person("yanpan").orElseThrow().id();
        List<long[]> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long before = notifications.unread(analyst);
            String text = ChinesePosts.texts(1, seed.incrementAndGet()).get(0);
            Long item = intake.receive(new ItemSubmission(channel, "probe-" + System.nanoTime(), null, null, text, null, null, null, null,
                    null, null, true, "情况紧急", List.of()), new Provenance("bench", null, null, null)).itemId();
            long acknowledged = System.nanoTime();
            long notice = -1;
            long queue = -1;
            long deadline = acknowledged + Duration.ofMinutes(5).toNanos();
            while ((notice < 0 || queue < 0) && System.nanoTime() < deadline) {
                if (notice < 0 && notifications.unread(analyst) > before) {
                    notice = (System.nanoTime() - acknowledged) / 1_000_000;
                }
                if (queue < 0 && warned(item)) {
                    queue = (System.nanoTime() - acknowledged) / 1_000_000;
                }
                pause();
            }
            assertThat(queue).as("probe %d placed with its warning within 5 minutes", i).isNotNegative();
            times.add(new long[] {notice, queue});
        }
        return times;
    }

    private boolean warned(Long item) {
        return analyses.find(item).map(a -> candidates.suggestion(candidates.require(a.candidateId(), DataScope.installation())))
                .filter(s -> s != null && s.level() != WarningRules.Level.NONE).isPresent();
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long median(List<long[]> times, int k) {
        return times.stream().mapToLong(t -> t[k]).sorted().toArray()[times.size() / 2];
    }

    private static long p99(List<long[]> times, int k) {
        long[] sorted = times.stream().mapToLong(t -> t[k]).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)];
    }

    private static long p95(List<long[]> times, int k) {
        long[] sorted = times.stream().mapToLong(t -> t[k]).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)];
    }
}

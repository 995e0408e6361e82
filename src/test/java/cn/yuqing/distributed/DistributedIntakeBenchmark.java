package cn.yuqing.distributed;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.ChinesePosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake throughput of the distributed tier with one application node, then two, against the same
 * local cluster (PostgreSQL, Kafka, OpenSearch on loopback), in one run: the two-node figure is
 * read as a ratio of the one-node figure measured minutes before on the same machine.
 *
 * <p>Load: {@value #CLIENTS} client threads each sending batches of {@value #BATCH} realistic
 * posts to {@code POST /api/intake/items} for {@value #SECONDS} s per round; with two nodes the
 * clients alternate between them, as a load balancer would. Counted: items acknowledged as
 * created. Analysis runs meanwhile (the shared analysis queue) and its backlog at the end of each round is
 * reported, so that a faster intake bought by a growing backlog shows.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=DistributedIntakeBenchmark} (about 6 minutes).
 */
@Tag("benchmark")
class DistributedIntakeBenchmark {

    static final int CLIENTS = 8;
    static final int BATCH = 20;
    static final int SECONDS = 30;
    static final int ROUNDS = 3;
    /** With -Dbench.analysis=false the placement workers stay off and items wait in the analysis queue: intake alone. */
    static final boolean ANALYSIS = Boolean.parseBoolean(System.getProperty("bench.analysis", "true"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void intakeThroughputWithOneNodeAndWithTwo() throws Exception {
        try (LocalCluster cluster = LocalCluster.fresh(Path.of("target/bench-cluster"))) {
            String analysis = "--yuqing.analysis.workers=" + (ANALYSIS ? 2 : 0);
            ApplicationNode a = ApplicationNode.distributed("a", 18581, cluster, "demo",
                    "--yuqing.demo.password=Bench-2026-pass", "--logging.level.root=WARN", analysis).start()
                    .awaitReady(Duration.ofMinutes(4));
            ApplicationNode b = ApplicationNode.distributed("b", 18582, cluster, "", "--logging.level.root=WARN", analysis);
            try {
                String key = a.demoApiKey();
                AtomicLong seed = new AtomicLong();
                run(List.of(a), key, seed, 15); // warm-up
                drained(cluster);
                double cpu1 = a.cpuSeconds();
                long analysed1 = analysed(cluster);
                List<Double> one = new ArrayList<>();
                List<Long> oneBacklog = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    one.add(run(List.of(a), key, seed, SECONDS));
                    oneBacklog.add(backlog(cluster));
                }
                drained(cluster);
                double cpuPerItem1 = (a.cpuSeconds() - cpu1) / Math.max(1, analysed(cluster) - analysed1);
                b.start().awaitReady(Duration.ofMinutes(4));
                run(List.of(b), key, seed, 15); // warm-up of the second node
                drained(cluster);
                double cpu2 = a.cpuSeconds() + b.cpuSeconds();
                double held2 = headHeld(a) + headHeld(b);
                long wall2 = System.nanoTime();
                long analysed2 = analysed(cluster);
                List<Double> two = new ArrayList<>();
                List<Long> twoBacklog = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    two.add(run(List.of(a, b), key, seed, SECONDS));
                    twoBacklog.add(backlog(cluster));
                }
                drained(cluster);
                double cpuPerItem2 = (a.cpuSeconds() + b.cpuSeconds() - cpu2) / Math.max(1, analysed(cluster) - analysed2);
                // the one installation-wide lock: the audit chain's head row, held by one transaction of either node at a time
                double lockShare = (headHeld(a) + headHeld(b) - held2) / ((System.nanoTime() - wall2) / 1e9);
                double m1 = median(one);
                double m2 = median(two);
                String report = String.format("""
                        Distributed intake, %d clients, batches of %d, %d s rounds (items acknowledged per second), analysis %s
                        1 node : median %.0f  rounds %s  analysis backlog after each %s
                        2 nodes: median %.0f  rounds %s  analysis backlog after each %s
                        ratio 2 nodes / 1 node: %.2f
                        CPU per item taken in and analysed (all nodes, until the backlog drained): 1 node %.2f ms, 2 nodes %.2f ms, ratio %.2f
                        share of time the audit chain's head (the installation-wide lock) was held, 2 nodes: %.1f %%
                        machine: %d cores, %s %s
                        """, CLIENTS, BATCH, SECONDS, ANALYSIS ? "running" : "paused", m1, rounded(one), oneBacklog, m2, rounded(two), twoBacklog, m2 / m1,
                        cpuPerItem1 * 1000, cpuPerItem2 * 1000, cpuPerItem2 / cpuPerItem1, lockShare * 100,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                        System.getProperty("java.version"));
                System.out.println(report);
                Files.createDirectories(Path.of("target/bench"));
                Files.writeString(Path.of("target/bench/distributed-intake" + (ANALYSIS ? "" : "-no-analysis") + ".txt"), report);
                assertThat(m1).isPositive();
                assertThat(m2).isPositive();
            } finally {
                b.close();
                a.close();
            }
        }
    }

    /** Items acknowledged per second, all clients together. */
    private static double run(List<ApplicationNode> nodes, String key, AtomicLong seed, int seconds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger created = new AtomicInteger();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ApplicationNode node = nodes.get(c % nodes.size());
            done.add(clients.submit(() -> {
                while (System.nanoTime() < until) {
                    long s = seed.incrementAndGet();
                    String body = JSON.writeValueAsString(Map.of("items", ChinesePosts.texts(BATCH, s).stream()
                            .map(t -> Map.of("text", t)).toList()));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.url("/api/intake/items"))
                            .header("X-Api-Key", key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    created.addAndGet(JSON.readTree(r.body()).get("created").asInt());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        return created.get() / elapsed;
    }

    /** Waits (at most 5 minutes) until every item is analysed; with the analysis paused, returns at once. */
    private static void drained(LocalCluster cluster) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (ANALYSIS && backlog(cluster) > 0 && System.nanoTime() < until) {
            Thread.sleep(500);
        }
    }

    private static long analysed(LocalCluster cluster) throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from item_analysis")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long backlog(LocalCluster cluster) throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from opinion_item i where not exists (select 1 from item_analysis a where a.item_id = i.id)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> rounded(List<Double> xs) {
        return xs.stream().map(Math::round).toList();
    }

    /** Seconds the node's transactions held the audit chain's head locked, from its Prometheus page. */
    private static double headHeld(ApplicationNode node) {
        var r = cn.yuqing.support.Visitor.api(node.url("/actuator/prometheus"), "guanli", "Bench-2026-pass", null, null);
        return r.body().lines().filter(l -> l.startsWith("yuqing_audit_head_lock_seconds_sum"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

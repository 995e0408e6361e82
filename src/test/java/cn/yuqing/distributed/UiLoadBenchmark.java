package cn.yuqing.distributed;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.ChinesePosts;
import cn.yuqing.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Hardening", part 5: {@value #USERS} people working through their pages while the intake
 * API is offered {@value #ITEMS_PER_SECOND} items a second, for {@code -Dload.seconds} (default
 * {@value #SECONDS}) on loopback, against one node of the embedded tier in its own JVM, then stops.
 * Reported: the page times (p50/p95/p99) by page, the intake rate offered and acknowledged, the
 * analysis backlog left; no request may fail.
 *
 * <p>The people: monitors patrol, capture and search; the analyst reads candidates, events and the
 * dashboard; responders their work orders and events; the office, the publicity department and the
 * leader the dashboard and the deadline board; the assessor the scorecards. Each reads a page for
 * 0.5–2 s before the next, as people do. The intake is paced: a batch of {@value #BATCH} every
 * {@code 1000 × BATCH / ITEMS_PER_SECOND} ms, at most {@value #IN_FLIGHT} batches outstanding; a batch
 * that finds them all outstanding is counted as not offered (the server is behind), not queued.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=UiLoadBenchmark [-Dload.seconds=180]}.
 */
@Tag("benchmark")
class UiLoadBenchmark {

    static final int USERS = 50;
    static final int ITEMS_PER_SECOND = 500;
    static final int BATCH = Integer.getInteger("load.batch", 100);
    static final int IN_FLIGHT = 4;
    static final int SECONDS = 180;
    private static final String PASSWORD = "Load-Demo-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EVENT = Pattern.compile("href=\"/events/(\\d+)\"");
    private static final Pattern CANDIDATE = Pattern.compile("href=\"/analysis/candidates/(\\d+)\"");
    private static final Pattern CHANNEL = Pattern.compile("<option value=\"(\\d+)\"");
    /** The demo's people, by what they do all day. */
    private static final List<String> PEOPLE = List.of("jiankong", "jiankong.xuezi", "yanpan", "zhujian.huiying",
            "xuezi.huiying", "sanpi.huiying", "zhujian.fuzeren", "zhengfuban", "xuanchuan", "xianzhang", "kaohe");

    private final Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    @Test
    void fiftyPeopleAtWorkWhileFiveHundredItemsASecondArrive() throws Exception {
        int seconds = Integer.getInteger("load.seconds", SECONDS);
        Path dir = Path.of("target/load");
        FileSystemUtils.deleteRecursively(dir);
        ApplicationNode node = new ApplicationNode("load", 18781, dir, "demo", "--yuqing.demo.password=" + PASSWORD,
                "--logging.level.root=WARN").jvm("-Xmx2g");
        try {
            node.start().awaitReady(Duration.ofMinutes(3));
            String key = node.demoApiKey();
            List<Visitor> visitors = new ArrayList<>();
            List<String> who = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String person = PEOPLE.get(u % PEOPLE.size());
                visitors.add(new Visitor().signIn(node, person, PASSWORD));
                who.add(person);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService people = Executors.newFixedThreadPool(USERS);
            for (int u = 0; u < USERS; u++) {
                Visitor v = visitors.get(u);
                String person = who.get(u);
                Random random = new Random(u);
                people.submit(() -> {
                    while (running.get()) {
                        work(node, v, person, random, running);
                    }
                    return null;
                });
            }
            Intake intake = new Intake(node, key);
            intake.start();
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            running.set(false);
            intake.stop();
            people.shutdown();
            people.awaitTermination(1, TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - started) / 1e9;

            String report = report(seconds, elapsed, intake, backlog(node));
            System.out.println(report);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/ui-load.txt"), report);
            assertThat(errors).as("failed requests").isEmpty();
            assertThat(times.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum()).as("pages read").isGreaterThan(USERS * 10);
            assertThat(intake.acknowledged.get()).isPositive();
        } finally {
            node.close();
        }
    }

    /** One round of a person's work: a few pages, each read for a while. */
    private void work(ApplicationNode node, Visitor v, String person, Random random, AtomicBoolean running) {
        switch (person) {
            case "jiankong", "jiankong.xuezi" -> {
                page(node, v, "巡查看板", "/intake/patrols", random);
                String form = page(node, v, "录入表单", "/intake/capture", random);
                Matcher channel = CHANNEL.matcher(form);
                if (channel.find() && running.get()) {
                    timed("录入保存", () -> v.post(node, "/intake/capture", "/intake/capture", Map.of("channelId", channel.group(1),
                            "formToken", UUID.randomUUID().toString(), "text", ChinesePosts.texts(1, random.nextLong()).get(0))), 302);
                }
                page(node, v, "信息检索", "/intake/items?q=" + java.net.URLEncoder.encode("停水", java.nio.charset.StandardCharsets.UTF_8), random);
            }
            case "yanpan" -> {
                String list = page(node, v, "候选事件", "/analysis/candidates", random);
                first(CANDIDATE, list).ifPresent(id -> page(node, v, "候选事件详情", "/analysis/candidates/" + id, random));
                event(node, v, random);
                page(node, v, "舆情态势", "/dashboard", random);
                timed("态势数据", () -> v.getJson(node, "/dashboard/data"), 200);
            }
            case "zhujian.huiying", "xuezi.huiying", "sanpi.huiying" -> {
                page(node, v, "任务单", "/work-orders", random);
                event(node, v, random);
            }
            case "kaohe" -> {
                page(node, v, "考核记分", "/assessment/scorecards", random);
                page(node, v, "通报", "/assessment/notices", random);
            }
            default -> {
                page(node, v, "舆情态势", "/dashboard", random);
                page(node, v, "时限看板", "/deadlines", random);
                page(node, v, "消息", "/notifications", random);
                event(node, v, random);
            }
        }
    }

    private void event(ApplicationNode node, Visitor v, Random random) {
        String list = page(node, v, "舆情事件", "/events", random);
        first(EVENT, list).ifPresent(id -> {
            page(node, v, "事件详情", "/events/" + id, random);
            page(node, v, "事件时限", "/events/" + id + "/clocks", random);
        });
    }

    private String page(ApplicationNode node, Visitor v, String name, String path, Random random) {
        HttpResponse<String> r = timed(name, () -> v.get(node, path), 200);
        ApplicationNode.pause(Duration.ofMillis(500 + random.nextInt(1500)));
        return r == null ? "" : r.body();
    }

    private HttpResponse<String> timed(String name, java.util.function.Supplier<HttpResponse<String>> call, int expected) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = call.get();
            times.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - t0) / 1_000_000);
            if (r.statusCode() != expected) {
                errors.add(name + " → " + r.statusCode());
            }
            return r;
        } catch (RuntimeException e) {
            errors.add(name + " → " + e);
            return null;
        }
    }

    private static java.util.Optional<String> first(Pattern p, String page) {
        Matcher m = p.matcher(page);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** The paced intake: batches offered at a fixed rate, acknowledged or refused, never queued behind. */
    private final class Intake {
        final ApplicationNode node;
        final String key;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        final Semaphore slots = new Semaphore(IN_FLIGHT);
        final AtomicLong offered = new AtomicLong();
        final AtomicLong notOffered = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong seed = new AtomicLong();

        Intake(ApplicationNode node, String key) {
            this.node = node;
            this.key = key;
        }

        void start() {
            pace.scheduleAtFixedRate(this::offer, 0, 1_000_000L * BATCH / ITEMS_PER_SECOND, TimeUnit.MICROSECONDS);
        }

        void offer() {
            if (!slots.tryAcquire()) {
                notOffered.addAndGet(BATCH);
                return;
            }
            offered.addAndGet(BATCH);
            senders.submit(() -> {
                try {
                    String body = JSON.writeValueAsString(Map.of("items", ChinesePosts.texts(BATCH, seed.incrementAndGet()).stream()
                            .map(t -> Map.of("text", t)).toList()));
                    HttpResponse<String> r = timed("接口收集（每批" + BATCH + "条）", () -> Visitor.send(http, HttpRequest.newBuilder(node.url("/api/intake/items"))
                            .header("X-Api-Key", key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build()), 200);
                    if (r != null && r.statusCode() == 200) {
                        acknowledged.addAndGet(JSON.readTree(r.body()).get("created").asInt());
                    }
                } finally {
                    slots.release();
                }
                return null;
            });
        }

        void stop() throws InterruptedException {
            pace.shutdown();
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static long backlog(ApplicationNode node) {
        HttpResponse<String> r = Visitor.api(node.url("/actuator/prometheus"), "guanli", PASSWORD, null, null);
        Matcher m = Pattern.compile("(?m)^yuqing_analysis_backlog\\S* (\\S+)$").matcher(r.body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    private String report(int seconds, double elapsed, Intake intake, long backlog) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("UI load: %d people for %d s, intake offered %d items/s in batches of %d (at most %d outstanding)%n",
                USERS, seconds, ITEMS_PER_SECOND, BATCH, IN_FLIGHT));
        out.append(String.format("intake: offered %.0f items/s, acknowledged %.0f items/s, not offered (server behind) %d items; "
                + "analysis backlog at the end %d items%n", intake.offered.get() / elapsed, intake.acknowledged.get() / elapsed,
                intake.notOffered.get(), backlog));
        List<Long> all = new ArrayList<>();
        out.append(String.format("%-16s %7s %7s %7s %7s%n", "page", "count", "p50 ms", "p95 ms", "p99 ms"));
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(times).entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            if (!e.getKey().startsWith("接口")) {
                all.addAll(sorted);
            }
            out.append(String.format("%-16s %7d %7d %7d %7d%n", e.getKey(), sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99)));
        }
        List<Long> pages = all.stream().sorted().toList();
        out.append(String.format("all pages        %7d %7d %7d %7d%n", pages.size(), pct(pages, 50), pct(pages, 95), pct(pages, 99)));
        out.append(String.format("failed requests: %d; machine: %d cores, %s %s%n", errors.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        return out.toString();
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

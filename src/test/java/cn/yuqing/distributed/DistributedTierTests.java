package cn.yuqing.distributed;

import static cn.yuqing.distributed.Records.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.Visitor;

/**
 * The distributed tier for real: PostgreSQL, Kafka (KRaft) and OpenSearch started by
 * {@code scripts/cluster/cluster}, two application nodes in processes of their own on the
 * {@code distributed} profile, and nothing in between but loopback. Node a carries the demo data;
 * node b starts empty and shares everything through the cluster.
 */
@Tag("distributed")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedTierTests {

    private static final String PASSWORD = "Cluster-Demo-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalCluster cluster;
    private static ApplicationNode a;
    private static ApplicationNode b;
    private static String apiKey;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.fresh(Path.of("target/test-cluster"));
        String[] fast = {"--yuqing.demo.password=" + PASSWORD, "--yuqing.accounts.initial-admin-password=" + PASSWORD,
                "--yuqing.deadline.poll-every=PT2S",
                "--yuqing.cluster.resubmit-after=PT15S", "--yuqing.cluster.resubmit-every=PT5S",
                "--logging.level.org.apache.kafka=WARN",
                // one placement worker a node: with two counties waiting, each node takes one (issue 17's test of overlap)
                "--yuqing.analysis.workers=1"};
        // one after the other: the first creates the indexes and loads the demo
        a = ApplicationNode.distributed("a", 18481, cluster, "demo", fast).start().awaitReady(Duration.ofMinutes(4));
        b = ApplicationNode.distributed("b", 18482, cluster, "training", fast).start().awaitReady(Duration.ofMinutes(4));
        apiKey = a.demoApiKey();
    }

    @AfterAll
    static void stopCluster() {
        for (ApplicationNode node : new ApplicationNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void itemsSentToEitherNodeAreStoredAndAnalysedOnce() throws Exception {
        Set<Long> acknowledged = new HashSet<>();
        for (int batch = 0; batch < 20; batch++) {
            ApplicationNode node = batch % 2 == 0 ? a : b;
            acknowledged.addAll(submit(node, "once-" + batch, 10, "群众反映城区某路段路灯不亮，夜间出行不便，第" + batch + "批"));
        }
        assertThat(acknowledged).hasSize(200);

        awaitAnalysed(acknowledged, Duration.ofMinutes(2));
        try (Connection c = cluster.connect()) {
            assertThat(count(c, "select count(*) from opinion_item where external_id like 'once-%'")).isEqualTo(200);
            assertThat(count(c, "select count(*) from item_analysis a join opinion_item i on i.id = a.item_id "
                    + "where i.external_id like 'once-%'")).isEqualTo(200);
            assertThat(count(c, "select count(*) from item_analysis")).isEqualTo(count(c, "select count(*) from opinion_item"));
        }
        // every analysis was placed by one node or the other, none twice, and the shared queue is empty
        assertThat(metric(a, "yuqing_analysis_lag_seconds_count") + metric(b, "yuqing_analysis_lag_seconds_count"))
                .isEqualTo((double) itemsInDatabase());
        try (Connection c = cluster.connect()) {
            assertThat(count(c, "select count(*) from analysis_queue")).isZero();
        }
        assertThat(metric(a, "yuqing_intake_items_total", "result=\"created\"")
                + metric(b, "yuqing_intake_items_total", "result=\"created\""))
                .isEqualTo((double) itemsInDatabase());
    }

    @Test
    @Order(2)
    void aSchemeAddedOnOneNodeIsUsedByTheOther() {
        String word = "防汛抗旱";
        String text = "县里今年的防汛抗旱物资储备够不够，群众很关心";
        assertThat(topics(b, text)).doesNotContain("防汛专题");

        Visitor admin = new Visitor().signIn(a, "guanli", PASSWORD);
        HttpResponse<String> created = admin.post(a, "/analysis/schemes", "/analysis/schemes",
                Map.of("name", "防汛专题", "include", word, "exclude", ""));
        assertThat(created.statusCode()).isEqualTo(302);

        await("node b to hear of the new scheme", Duration.ofSeconds(30), () -> topics(b, text).contains("防汛专题"));
        assertThat(topics(a, text)).contains("防汛专题");
    }

    @Test
    @Order(3)
    void searchOnEitherNodeFindsWhatTheOtherIndexed() {
        submit(a, "search-a", 1, "东关街道菜市场门口积水严重，摊贩占道");
        submit(b, "search-b", 1, "仁和镇卫生院夜间急诊无人值守");
        Visitor monitor = new Visitor().signIn(a, "jiankong", PASSWORD);

        await("node b to find what node a indexed", Duration.ofSeconds(30),
                () -> monitor.get(b, "/intake/items?q=" + encode("菜市场积水")).body().contains("共 1 条"));
        await("node a to find what node b indexed", Duration.ofSeconds(30),
                () -> monitor.get(a, "/intake/items?q=" + encode("卫生院急诊")).body().contains("共 1 条"));
    }

    @Test
    @Order(4)
    void aSessionBegunOnOneNodeIsKnownToTheOther() {
        Visitor monitor = new Visitor().signIn(b, "jiankong", PASSWORD);
        HttpResponse<String> onA = monitor.get(a, "/intake");
        assertThat(onA.statusCode()).isEqualTo(200);
        assertThat(onA.body()).contains("退出");

        HttpResponse<String> stranger = new Visitor().get(a, "/intake");
        assertThat(stranger.statusCode()).isEqualTo(302);
    }

    @Test
    @Order(5)
    void dueTimersFireOnceWhenBothNodesLookAtOnce() throws Exception {
        long running;
        try (Connection c = cluster.connect()) {
            running = count(c, "select count(*) from deadline where status = 'RUNNING'");
        }
        assertThat(running).as("the demo's events have clocks running").isPositive();

        // both nodes' clocks moved past every clock's due time at the same moment: each then fires what is due
        // (each node's clock by an administrator at it: one session's form token is not meant for two windows at once)
        Visitor atA = new Visitor().signIn(a, "guanli", PASSWORD);
        Visitor atB = new Visitor().signIn(b, "guanli", PASSWORD);
        CompletableFuture<HttpResponse<String>> movedA = CompletableFuture.supplyAsync(
                () -> atA.post(a, "/admin/clock", "/admin/clock", Map.of("hours", "100")));
        CompletableFuture<HttpResponse<String>> movedB = CompletableFuture.supplyAsync(
                () -> atB.post(b, "/admin/clock", "/admin/clock", Map.of("hours", "100")));
        assertThat(movedA.get().statusCode()).isEqualTo(302);
        assertThat(movedB.get().statusCode()).isEqualTo(302);

        await("every due timer fired", Duration.ofSeconds(60), () -> {
            try (Connection c = cluster.connect()) {
                return count(c, "select count(*) from deadline where status = 'RUNNING' and due_at < now() + interval '99 hours'") == 0
                        && count(c, "select count(*) from deadline_timer where fire_at < now() + interval '99 hours'") == 0;
            }
        });
        try (Connection c = cluster.connect()) {
            Records.assertEachTimerFiredOnce(c);
        }
    }

    @Test
    @Order(6)
    void aNodeKilledMidStreamLosesNothing() throws Exception {
        Set<Long> acknowledged = java.util.Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean killed = new AtomicBoolean();
        int batches = 60;
        for (int batch = 0; batch < batches; batch++) {
            if (batch == batches / 2) {
                a.kill();
                killed.set(true);
            }
            ApplicationNode first = batch % 2 == 0 ? a : b;
            ApplicationNode other = first == a ? b : a;
            String prefix = "kill-" + batch;
            String text = "伞陂镇某村道路塌陷，车辆无法通行，请尽快修复（第" + batch + "批）";
            try {
                acknowledged.addAll(submit(first, prefix, 5, text));
            } catch (RuntimeException refused) {
                // the client sends the same batch to the other node: what the first stored is a duplicate there
                acknowledged.addAll(submit(other, prefix, 5, text));
            }
        }
        assertThat(killed).isTrue();
        assertThat(acknowledged).hasSize(batches * 5);

        awaitAnalysed(acknowledged, Duration.ofMinutes(3));
        try (Connection c = cluster.connect()) {
            assertThat(count(c, "select count(*) from opinion_item where external_id like 'kill-%'")).isEqualTo(batches * 5);
            assertThat(count(c, "select count(*) from (select external_id from opinion_item where external_id like 'kill-%' "
                    + "group by external_id having count(*) > 1) twice")).isZero();
        }
        // what node a had queued but not placed when it died, node b has placed once its lease ran out
        try (Connection c = cluster.connect()) {
            assertThat(count(c, "select count(*) from analysis_queue")).isZero();
        }
    }

    /**
     * Issue 17: placement is partitioned by county, not serialised for the installation. The same
     * items of two counties are placed by one node alone (node a was killed above), then by both
     * nodes at once, each with one placement worker: the second time the two counties are placed at
     * the same time, by the two nodes, and each county ends with the candidates one node made.
     */
    @Test
    @Order(7)
    void twoNodesPlaceTwoCountiesAtOnceAndEachAsOneNodeWould() throws Exception {
        assertThat(a.alive()).as("node a was killed by the test before").isFalse();
        List<String> corpus = corpus();
        // the installation's administrator: the county's own administrators would see only their county
        Visitor atB = new Visitor().signIn(b, "admin", PASSWORD);
        String alone1 = county(atB, b, "411522", "光山县"), alone2 = county(atB, b, "411523", "新县");
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> submitAll(b, alone1, "alone-1", corpus)),
                CompletableFuture.runAsync(() -> submitAll(b, alone2, "alone-2", corpus))).get();
        awaitAnalysed("alone-%", 2 * corpus.size());
        Set<Set<Integer>> oneNode = candidates("alone-1");
        assertThat(candidates("alone-2")).isEqualTo(oneNode);
        assertThat(oneNode).as("reposts gathered, distinct posts apart").hasSizeBetween(4, corpus.size() - 300);

        a.start().awaitReady(Duration.ofMinutes(4));
        // made at node a and sent to node b: b learns of the new counties through the cluster
        Visitor atA = new Visitor().signIn(a, "admin", PASSWORD);
        String both1 = county(atA, a, "411524", "商城县"), both2 = county(atA, a, "411525", "固始县");
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(true);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (sampling.get()) {
                samples.add(sample("411524", "411525"));
                ApplicationNode.pause(Duration.ofMillis(40));
            }
        });
        // the test holds both counties' leases, as a busy worker would, until every item is in: then both
        // counties wait with a backlog, as in a crisis, and the nodes' two workers start on them together
        lease("test/0", "411524", "411525");
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> submitAll(a, both1, "both-1", corpus)),
                CompletableFuture.runAsync(() -> submitAll(b, both2, "both-2", corpus))).get();
        lease(null, "411524", "411525");
        // and, as in a crisis, items keep arriving at both nodes: each node's arrivals wake its worker at
        // once (an idle worker otherwise looks for work only twice a second, and one county's 1,500 items
        // take a node little more than that); a woken worker looks within 200 ms
        submit(a, "wake-a", 1, "伞陂镇群众反映路灯不亮");
        submit(b, "wake-b", 1, "伞陂镇群众反映路灯不亮");
        awaitAnalysed("both-%", 2 * corpus.size());
        sampling.set(false);
        sampler.get();

        // a worker holds a county's lease only while it places that county's items (reading them, then
        // storing each batch); the two counties were placed at the same time when, with items of both
        // still waiting, each was held by a worker of another node
        long t0 = samples.get(0).at();
        String timeline = samples.stream().map(s -> String.format("%d ms %s %s", (s.at() - t0) / 1_000_000,
                java.util.Arrays.toString(s.placed()), java.util.Arrays.toString(s.owners()))).collect(java.util.stream.Collectors.joining("\n"));
        List<Sample> together = samples.stream().filter(s -> s.placed()[0] < corpus.size() && s.placed()[1] < corpus.size()
                && s.owners()[0] != null && s.owners()[1] != null && !s.owners()[0].startsWith("test/")
                && !node(s.owners()[0]).equals(node(s.owners()[1]))).toList();
        System.out.printf("two counties on two nodes: %d samples, %d of them with each county placed by a worker of another node%n",
                samples.size(), together.size());
        assertThat(together).as("both counties placed at once, by the two nodes:\n" + timeline).isNotEmpty();
        assertThat(candidates("both-1")).as("a county placed beside another, on two nodes, as on one").isEqualTo(oneNode);
        assertThat(candidates("both-2")).isEqualTo(oneNode);
    }

    /** 1,200 posts, three of them reposted 100 times each with a //@ chain and a comment. */
    private static List<String> corpus() {
        List<String> posts = new ArrayList<>(cn.yuqing.support.ChinesePosts.texts(1200, 17));
        for (int viral = 0; viral < 3; viral++) {
            String original = posts.get(viral * 7);
            for (int i = 0; i < 100; i++) {
                posts.add((i % 3 == 0 ? "转发微博" : "说得对，" + i + "楼顶上去") + "//@网友" + (1000 + i) + "：" + original);
            }
        }
        return posts;
    }

    /** Takes the counties' partitions for {@code owner} for five minutes, or lets them go (null). */
    private static void lease(String owner, String... counties) throws SQLException {
        try (Connection c = cluster.connect()) {
            for (String county : counties) {
                try (var s = c.prepareStatement("insert into placement_partition (partition_key, version) values (?, 0) "
                        + "on conflict do nothing")) {
                    s.setString(1, county);
                    s.executeUpdate();
                }
                try (var s = c.prepareStatement("update placement_partition set owner = ?, lease_until = "
                        + (owner == null ? "null" : "now() + interval '5 minutes'") + " where partition_key = ?")) {
                    s.setString(1, owner);
                    s.setString(2, county);
                    s.executeUpdate();
                }
            }
        }
    }

    /** A new county under the city with its government office, a channel of that office and an API source; its API key. */
    private static String county(Visitor admin, ApplicationNode node, String code, String name) {
        HttpResponse<String> r = admin.post(node, "/organisation/regions/4115", "/organisation/regions/4115/children",
                Map.of("childCode", code, "name", name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        r = admin.post(node, "/organisation/units/new", "/organisation/units", Map.of("name", name + "人民政府办公室",
                "shortNames", name + "政府办", "kind", "GOVERNMENT_OFFICE", "regionCode", code));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String unitId = r.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        r = admin.post(node, "/intake/channels/new", "/intake/channels", Map.of("name", name + "政务微博", "type", "WEIBO",
                "unitId", unitId, "patrolsPerDay", "1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String channelId;
        try (Connection c = cluster.connect()) {
            channelId = String.valueOf(count(c, "select max(id) from channel where unit_id = " + Long.parseLong(unitId)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        r = admin.post(node, "/intake/sources", "/intake/sources", Map.of("kind", "API", "channelId", channelId,
                "name", name + "舆情接口"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("one-time-password[^>]*>([^<]+)<").matcher(r.body());
        assertThat(key.find()).as(r.body()).isTrue();
        return key.group(1).strip();
    }

    private static void submitAll(ApplicationNode node, String key, String prefix, List<String> texts) {
        for (int from = 0; from < texts.size(); from += 100) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + 100));
            submit(node, key, prefix, from, batch);
        }
    }

    /** The candidates of the items under the prefix, each as the set of its items' places in the corpus. */
    private static Set<Set<Integer>> candidates(String prefix) throws SQLException {
        Map<Long, Set<Integer>> byCandidate = new java.util.HashMap<>();
        try (Connection c = cluster.connect();
                var s = c.prepareStatement("select a.candidate_id, i.external_id from item_analysis a join opinion_item i "
                        + "on i.id = a.item_id where i.external_id like ?")) {
            s.setString(1, prefix + "-%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    String external = rs.getString(2);
                    byCandidate.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(Integer.parseInt(external.substring(external.lastIndexOf('-') + 1)));
                }
            }
        }
        return new HashSet<>(byCandidate.values());
    }

    /** At one moment: each county's items placed so far and who holds its partition (null: nobody). */
    record Sample(long at, long[] placed, String[] owners) {
    }

    private static Sample sample(String... counties) {
        long at = System.nanoTime();
        long[] placed = new long[counties.length];
        String[] owners = new String[counties.length];
        try (Connection c = cluster.connect()) {
            for (int i = 0; i < counties.length; i++) {
                placed[i] = count(c, "select count(*) from item_analysis a join unit u on u.id = a.unit_id where u.region_code = '"
                        + counties[i] + "'");
                try (var s = c.createStatement(); var rs = s.executeQuery("select owner from placement_partition where partition_key = '"
                        + counties[i] + "' and lease_until > now()")) {
                    owners[i] = rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Sample(at, placed, owners);
    }

    /** A worker's node: workers are named node/number. */
    private static String node(String worker) {
        return worker.substring(0, worker.indexOf('/'));
    }

    private static void awaitAnalysed(String externalIds, int expected) {
        await(expected + " items analysed", Duration.ofMinutes(3), () -> {
            try (Connection c = cluster.connect(); var s = c.prepareStatement("select count(*) from item_analysis a join opinion_item i "
                    + "on i.id = a.item_id where i.external_id like ?")) {
                s.setString(1, externalIds);
                try (var rs = s.executeQuery()) {
                    return rs.next() && rs.getLong(1) == expected;
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Long> submit(ApplicationNode node, String prefix, int n, String text) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(text + "（" + i + "）");
        }
        return submit(node, apiKey, prefix, 0, texts);
    }

    /** The texts through the intake API, numbered from {@code first} after the prefix; the items' ids. */
    private static List<Long> submit(ApplicationNode node, String key, String prefix, int first, List<String> texts) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            items.add(Map.of("externalId", prefix + "-" + (first + i), "text", texts.get(i)));
        }
        HttpResponse<String> r = Visitor.send(java.net.http.HttpClient.newHttpClient(),
                java.net.http.HttpRequest.newBuilder(node.url("/api/intake/items")).header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items", items))))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        List<Long> ids = new ArrayList<>();
        for (JsonNode result : JSON.readTree(r.body()).get("results")) {
            assertThat(result.get("status").asString()).isIn("created", "duplicate");
            ids.add(result.get("itemId").asLong());
        }
        return ids;
    }

    private static void awaitAnalysed(Set<Long> items, Duration limit) {
        String in = items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        await(items.size() + " items analysed", limit, () -> {
            try (Connection c = cluster.connect()) {
                return count(c, "select count(*) from item_analysis where item_id in (" + in + ")") == items.size();
            }
        });
    }

    private static List<String> topics(ApplicationNode node, String text) {
        HttpResponse<String> r = Visitor.api(node.url("/api/analysis/batch"), "guanli", PASSWORD, "text/plain", text + "\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> topics = new ArrayList<>();
        JSON.readTree(r.body().lines().findFirst().orElseThrow()).get("topics").forEach(t -> topics.add(t.asString()));
        return topics;
    }

    /** A figure of the node's Prometheus page, summed over its series (those with the given labels). */
    private static double metric(ApplicationNode node, String name, String... labels) {
        HttpResponse<String> r = Visitor.api(node.url("/actuator/prometheus"), "guanli", PASSWORD, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long itemsInDatabase() throws SQLException {
        try (Connection c = cluster.connect()) {
            return count(c, "select count(*) from opinion_item");
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration limit, Condition condition) {
        Instant until = Instant.now().plus(limit);
        Exception last = null;
        while (Instant.now().isBefore(until)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            ApplicationNode.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("waited " + limit + " for " + what + (last == null ? "" : ": " + last)
                + "\n--- node a ---\n" + a.tail() + "\n--- node b ---\n" + b.tail());
    }
}

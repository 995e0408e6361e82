package cn.yuqing.distributed;

import static cn.yuqing.distributed.Records.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.Visitor;

/**
 * The embedded tier killed as a power cut would (SIGKILL) again and again while items pour in and
 * deadline timers fire, and started again each time. Afterwards every item the API acknowledged is
 * stored exactly once and analysed, and every timer that fell due fired exactly once.
 *
 * <p>Time moves, it is not waited for: each round the administrator moves the demo clock on by six
 * more hours (the offset is not kept across a restart, so each round moves it by the whole
 * distance again), and the timers that fall due fire in that request, which the kill may cut.
 *
 * <p>The suite kills {@value #KILLS_IN_SUITE} times; {@code -Dcrash.kills=20} runs the long
 * version ({@code ./mvnw -B test -Dtest=CrashSafetyTests -Dcrash.kills=20}), {@code -Dcrash.clock=false}
 * without moving the clock.
 */
@Tag("distributed")
class CrashSafetyTests {

    static final int KILLS_IN_SUITE = 3;
    /** {@code -Dcrash.clock=false}: the same kills with the demonstration clock left alone. */
    static final boolean MOVE_CLOCK = Boolean.parseBoolean(System.getProperty("crash.clock", "true"));
    private static final String PASSWORD = "Crash-Demo-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void killedAgainAndAgainMidIntakeAndMidFiringItLosesNothingAndDoublesNothing() throws Exception {
        int kills = Integer.getInteger("crash.kills", KILLS_IN_SUITE);
        Path dir = Path.of("target/crash");
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("logs"));
        ApplicationNode node = new ApplicationNode("crash", 18681, dir, "demo", "--yuqing.demo.password=" + PASSWORD,
                "--yuqing.deadline.poll-every=PT1S");
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Random random = new Random(20261127);
        int hours = 0;
        try {
            node.start().awaitReady(Duration.ofMinutes(3));
            String key = node.demoApiKey();
            for (int round = 0; round <= kills; round++) {
                AtomicBoolean sending = new AtomicBoolean(true);
                int r = round;
                Thread producer = new Thread(() -> produce(node, key, "crash-" + r + "-", acknowledged, sending));
                producer.start();
                if (MOVE_CLOCK) {
                    hours += 6;
                    moveClock(node, hours);
                }
                if (round < kills) {
                    ApplicationNode.pause(Duration.ofMillis(1500 + random.nextInt(4000)));
                    node.kill();
                }
                sending.set(false);
                producer.join();
                if (round < kills) {
                    node.start().awaitReady(Duration.ofMinutes(3));
                }
            }
            // the last start: what the kills interrupted is taken up again; wait until analysis has caught up
            long expected = acknowledged.size();
            awaitGauge(node, "yuqing_analysis_backlog", 0, Duration.ofMinutes(3));
            assertThat(expected).as("items acknowledged across the kills").isGreaterThan(50);
            // entries waiting to be chained when a kill came are linked after the restart, none twice, none lost
            HttpResponse<String> audit = Visitor.api(node.url("/api/audit/verify"), "shenji", PASSWORD, null, null);
            assertThat(audit.body()).as("the audit chain across the kills").contains("\"intact\":true");
        } finally {
            node.close();
        }

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("node-crash/yuqing")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            String ids = String.join(",", acknowledged.values().stream().map(String::valueOf).toList());
            assertThat(count(c, "select count(*) from opinion_item where id in (" + ids + ")")).isEqualTo(acknowledged.size());
            assertThat(count(c, "select count(*) from (select external_id from opinion_item where external_id like 'crash-%' "
                    + "group by channel_id, external_id having count(*) > 1) twice")).as("items stored twice").isZero();
            assertThat(count(c, "select count(*) from opinion_item i where not exists "
                    + "(select 1 from item_analysis a where a.item_id = i.id)")).as("items never analysed").isZero();
            if (MOVE_CLOCK) {
                // without the moved clock nothing falls due in the few minutes of the run
                Records.assertEachTimerFiredOnce(c);
            }
            // every timer that fell due by the last moved hour has fired (and was deleted in its firing transaction)
            assertThat(count(c, "select count(*) from deadline_timer where fire_at < dateadd('HOUR', " + (hours - 1)
                    + ", current_timestamp)")).as("timers due but not fired").isZero();
        }
    }

    private static void produce(ApplicationNode node, String key, String prefix, Map<String, Long> acknowledged,
            AtomicBoolean sending) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int batch = 0;
        while (sending.get()) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 10; i++) {
                body.append(i == 0 ? "" : ",").append("{\"externalId\":\"").append(prefix).append(batch).append('-').append(i)
                        .append("\",\"text\":\"断电测试：某小区停水第").append(batch).append("批第").append(i).append("条\"}");
            }
            body.append("]}");
            batch++;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.url("/api/intake/items"))
                        .timeout(Duration.ofSeconds(10)).header("X-Api-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    for (JsonNode result : JSON.readTree(r.body()).get("results")) {
                        acknowledged.put(prefix + (batch - 1) + "-" + result.get("index").asInt(), result.get("itemId").asLong());
                    }
                }
            } catch (Exception refused) {
                // not acknowledged: the node is down
            }
            ApplicationNode.pause(Duration.ofMillis(100)); // about 100 items/s, which analysis keeps up with
        }
    }

    private static void moveClock(ApplicationNode node, int hours) {
        try {
            Visitor admin = new Visitor().signIn(node, "guanli", PASSWORD);
            admin.post(node, "/admin/clock", "/admin/clock", Map.of("hours", String.valueOf(hours)));
        } catch (RuntimeException e) {
            // killed meanwhile; the next round moves the clock again
        }
    }

    private static void awaitGauge(ApplicationNode node, String name, double wanted, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            HttpResponse<String> r = Visitor.api(node.url("/actuator/prometheus"), "guanli", PASSWORD, null, null);
            last = r.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst().orElse("");
            if (!last.isEmpty() && Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1)) == wanted) {
                return;
            }
            ApplicationNode.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError(name + " did not reach " + wanted + " (last: " + last + ")\n" + node.tail());
    }
}

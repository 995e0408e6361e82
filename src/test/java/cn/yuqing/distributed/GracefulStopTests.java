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

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import cn.yuqing.support.Visitor;

/**
 * Stopped as an operator stops it (SIGTERM) while analysis has a backlog: the placement workers
 * finish or roll back the batch in hand before the database closes (no "Database is already
 * closed" in the log, where a stop used to print tens of thousands), nothing is lost, and the next
 * start takes up the backlog until every item is analysed once.
 */
@Tag("distributed")
class GracefulStopTests {

    private static final String PASSWORD = "Stop-Demo-2026";

    @Test
    void aStopWithABacklogLosesNothingAndTheNextStartTakesItUp() throws Exception {
        Path dir = Path.of("target/graceful-stop");
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("logs"));
        // small batches and one worker: analysis falls behind the sender, so that the stop meets a backlog
        ApplicationNode node = new ApplicationNode("stop", 18691, dir, "demo", "--yuqing.demo.password=" + PASSWORD,
                "--yuqing.analysis.workers=1", "--yuqing.analysis.batch=1");
        long backlogAtStop;
        int sent = 0;
        try {
            node.start().awaitReady(Duration.ofMinutes(3));
            String key = node.demoApiKey();
            HttpClient http = HttpClient.newHttpClient();
            // batches until a backlog has built up (intake outruns one worker placing one item a transaction)
            for (int batch = 0; batch < 60 && (batch < 4 || gauge(node, "yuqing_analysis_backlog") < 1_000); batch++) {
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = 0; i < 250; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"externalId\":\"stop-").append(batch).append('-').append(i)
                            .append("\",\"text\":\"停止测试：某小区停水，第").append(batch).append("批第").append(i).append("条\"}");
                }
                HttpResponse<String> r = Visitor.send(http, HttpRequest.newBuilder(node.url("/api/intake/items"))
                        .header("X-Api-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                sent += 250;
            }
            backlogAtStop = gauge(node, "yuqing_analysis_backlog");
            assertThat(backlogAtStop).as("a backlog when the stop comes").isGreaterThan(100);
        } finally {
            node.close(); // SIGTERM, and a kill only if it has not stopped within 30 s
        }
        String stopping = node.output();
        assertThat(stopping).doesNotContain("already closed").doesNotContain("分析暂停");
        assertThat(node.alive()).isFalse();

        try {
            node.start().awaitReady(Duration.ofMinutes(3));
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (gauge(node, "yuqing_analysis_backlog") > 0 && System.nanoTime() < until) {
                ApplicationNode.pause(Duration.ofSeconds(1));
            }
            assertThat(gauge(node, "yuqing_analysis_backlog")).as("backlog after the restart").isZero();
        } finally {
            node.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("node-stop/yuqing")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            assertThat(count(c, "select count(*) from opinion_item where external_id like 'stop-%'")).isEqualTo(sent);
            assertThat(count(c, "select count(*) from opinion_item i where not exists "
                    + "(select 1 from item_analysis a where a.item_id = i.id)")).as("items never analysed").isZero();
            assertThat(count(c, "select count(*) from analysis_queue")).isZero();
        }
    }

    private static long gauge(ApplicationNode node, String name) {
        HttpResponse<String> r = Visitor.api(node.url("/actuator/prometheus"), "guanli", PASSWORD, null, null);
        String line = r.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst().orElseThrow();
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}

package cn.yuqing.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.ChinesePosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake API throughput for batches of 1,000 realistic Chinese posts, against the bare
 * persist+index baseline (the same items saved straight through JPA with Hibernate Search
 * indexing, no HTTP, JSON, validation or idempotency checks), measured alternately in one run on
 * the embedded tier's real storage (H2 file database, Lucene index on disk).
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=IntakeBenchmark}. Not part of the test suite.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yuqing.data-dir=target/bench-data",
        "spring.datasource.url=jdbc:h2:file:./target/bench-data/bench-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
        "spring.jpa.properties.hibernate.search.backend.directory.root=target/bench-data/index-${random.uuid}",
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=write-sync"})
@ActiveProfiles({"demo", "test"})
class IntakeBenchmark {

    static final int BATCH = 1000;
    static final int ROUNDS = 5;

    @LocalServerPort
    int port;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    ItemRepository items;
    @Autowired
    PlatformTransactionManager txManager;

    static String json(List<ItemSubmission> batch) {
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        for (ItemSubmission s : batch) {
            items.add(java.util.Map.of("externalId", s.externalId(), "title", s.title(), "text", s.text(), "author", s.author(),
                    "publishedAt", s.publishedAt().toString(), "reposts", s.reposts(), "comments", s.comments(), "likes",
                    s.likes()));
        }
        return JsonMapper.builder().build().writeValueAsString(java.util.Map.of("items", items));
    }

    @Test
    void intakeApiThroughputAgainstBarePersistAndIndex() throws IOException, InterruptedException {
        Channel channel = fixtures.countyChannel(ChannelType.WEIBO, 1);
        String key = fixtures.apiSource(channel).apiKey();
        HttpClient http = HttpClient.newHttpClient();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        Provenance provenance = new Provenance("bench", null, null, null);

        // warm-up of both paths
        post(http, key, json(ChinesePosts.submissions(channel.id(), BATCH, 1, "warm-api-")));
        List<ItemSubmission> warm = ChinesePosts.submissions(channel.id(), BATCH, 2, "warm-bare-");
        tx.executeWithoutResult(s -> warm.forEach(p -> items.save(new OpinionItem(channel, p, null, provenance, Instant.now()))));

        List<Double> api = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ItemSubmission> baseline = ChinesePosts.submissions(channel.id(), BATCH, 100 + round, "bare-" + round + "-");
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                baseline.forEach(p -> items.save(new OpinionItem(channel, p, null, provenance, Instant.now())));
                items.flush();
            });
            bare.add(BATCH / ((System.nanoTime() - t0) / 1e9));

            String body = json(ChinesePosts.submissions(channel.id(), BATCH, 200 + round, "api-" + round + "-"));
            long t1 = System.nanoTime();
            HttpResponse<String> response = post(http, key, body);
            api.add(BATCH / ((System.nanoTime() - t1) / 1e9));
            assertThat(response.body().startsWith("{\"received\":" + BATCH + ",\"created\":" + BATCH + ","))
                    .as("every item of the batch created").isTrue();
        }
        double apiMedian = median(api);
        double bareMedian = median(bare);
        String report = String.format("""
                intake benchmark (%d rounds of %d posts of 250 characters, H2 file + Lucene on disk, %d cores, %s)
                  bare persist+index : median %,.0f items/s  (rounds: %s)
                  intake API (HTTP)  : median %,.0f items/s  (rounds: %s)
                  ratio API / bare   : %.2f
                """, ROUNDS, BATCH, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                bareMedian, format(bare), apiMedian, format(api), apiMedian / bareMedian);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/intake.txt"), report);
    }

    private HttpResponse<String> post(HttpClient http, String key, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intake/items"))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format("%,.0f", v)).toList());
    }
}

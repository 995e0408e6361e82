package cn.yuqing.intake;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.ChinesePosts;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item list and full-text search as an analyst opens them, over HTTP, as the store grows:
 * 10,000 items (the baseline), then 100,000, then 1,000,000 ({@code -Dbench.sizes}), each size's
 * page times read as a ratio of the baseline's. Items are written straight into the embedded
 * tier's real storage (H2 file, Lucene on disk) and indexed by the mass indexer, so growing the
 * store costs minutes rather than hours; the analysis does not run over them.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=ListAndSearchBenchmark} (about 25 minutes to 1 M on
 * 2 cores, most of it indexing).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yuqing.data-dir=target/bench-1m",
        "spring.datasource.url=jdbc:h2:file:./target/bench-1m/bench-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
        "spring.jpa.properties.hibernate.search.backend.directory.root=target/bench-1m/index-${random.uuid}",
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=write-sync"})
@ActiveProfiles({"demo", "test"})
class ListAndSearchBenchmark {

    static final int REPEATS = 15;
    static final int WARM_UP = 30;
    /** What the analyst opens: the newest items, a common word, a rare place name, two words, a unit's items. */
    static final Map<String, String> PAGES = new java.util.LinkedHashMap<>();

    static {
        PAGES.put("最新信息列表", "/intake/items");
        PAGES.put("检索“停水”", "/intake/items?q=" + enc("停水"));
        PAGES.put("检索“踅孜镇”", "/intake/items?q=" + enc("踅孜镇"));
        PAGES.put("检索“学校 收费”", "/intake/items?q=" + enc("学校 收费"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void listAndSearchAsTheStoreGrowsToAMillionItems() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Visitor.Server server = path -> URI.create("http://localhost:" + port + path);
        Visitor analyst = new Visitor().signIn(server, "yanpan", DemoPassword.VALUE);
        Long channel = jdbc.queryForObject("select id from channel where name = '潢川发布官方微博'", Long.class);
        Long unit = jdbc.queryForObject("select unit_id from channel where id = ?", Long.class, channel);
        PAGES.put("按单位筛选", "/intake/items?unit=" + unit + "&q=" + enc("停水"));

        StringBuilder report = new StringBuilder(String.format("Item list and search over HTTP, median of %d (ms); ratio to %,d items%n",
                REPEATS, sizes[0]));
        Map<String, Long> baseline = new java.util.HashMap<>();
        for (int size : sizes) {
            long grow = System.nanoTime();
            grow(channel, unit, size);
            long grown = (System.nanoTime() - grow) / 1_000_000_000;
            report.append(String.format("%,d items (grown and indexed in %d s):%n", size, grown));
            for (Map.Entry<String, String> page : PAGES.entrySet()) {
                long median = median(analyst, server, page.getValue());
                baseline.putIfAbsent(page.getKey(), median);
                report.append(String.format("  %-14s %6d ms   ratio %.2f%n", page.getKey(), median,
                        (double) median / Math.max(1, baseline.get(page.getKey()))));
            }
            System.out.print(report);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/list-and-search.txt"), report + String.format("machine: %d cores, %s %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        }
        assertThat(jdbc.queryForObject("select count(*) from opinion_item", Long.class)).isGreaterThanOrEqualTo(sizes[sizes.length - 1]);
    }

    private long median(Visitor analyst, Visitor.Server server, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            analyst.get(server, path); // the first size would otherwise also measure the JIT
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = analyst.get(server, path);
            times.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        return times.stream().sorted().toList().get(REPEATS / 2);
    }

    /** Inserts realistic posts spread over the last year up to {@code size} items, then indexes the new ones. */
    private void grow(Long channel, Long unit, int size) throws InterruptedException {
        long have = jdbc.queryForObject("select count(*) from opinion_item", Long.class);
        Long from = jdbc.queryForObject("select coalesce(max(id), 0) from opinion_item", Long.class);
        Instant now = Instant.now();
        int batch = 5_000;
        for (long done = have; done < size; done += batch) {
            int n = (int) Math.min(batch, size - done);
            List<String> texts = ChinesePosts.texts(n, done);
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = done + i;
                rows.add(new Object[] {channel, unit, "bench-" + k, texts.get(i),
                        Timestamp.from(now.minus(Duration.ofMinutes(k % 525_600))), "bench"});
            }
            jdbc.batchUpdate("insert into opinion_item (channel_id, unit_id, external_id, body, discovered_at, collected_by) "
                    + "values (?, ?, ?, ?, ?, ?)", rows);
        }
        MassIndexer indexer = Search.mapping(entityManagerFactory).scope(OpinionItem.class).massIndexer()
                .purgeAllOnStart(false).dropAndCreateSchemaOnStart(false).mergeSegmentsOnFinish(true)
                .threadsToLoadObjects(2).batchSizeToLoadObjects(500);
        indexer.type(OpinionItem.class).reindexOnly("e.id > :from").param("from", from);
        indexer.startAndWait();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package cn.yuqing.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.ChinesePosts;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analysis end to end (pipeline, near-duplicate search, placement into a candidate, the
 * candidate's refresh) as an event grows: blocks of {@value #BLOCK} posts from the county
 * vocabulary generator, which repeats itself like reposts of one viral matter, each block timed
 * from intake to the last analysis. The first block is the baseline: a flat series means the cost
 * of one item does not grow with the events already known.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=AnalysisPlacementBenchmark}.
 */
@Tag("benchmark")
@WebTest
class AnalysisPlacementBenchmark {

    static final int BLOCK = 500;
    static final int BLOCKS = 8;

    @Autowired
    ItemIntake intake;
    @Autowired
    Channels channels;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void placementCostAsTheEventGrows() throws Exception {
        var office = directory.governmentOfficeOf("411526").orElseThrow();
        Long channel = channels.create(new ChannelData("压测渠道", ChannelType.OTHER_ONLINE, office.id(), null, 1, true,
                Set.of()), DataScope.installation()).id();
        long before = jdbc.queryForObject("select count(*) from item_analysis", Long.class);
        List<Double> rates = new ArrayList<>();
        for (int block = 0; block < BLOCKS; block++) {
            long started = System.nanoTime();
            intake.receive(ChinesePosts.submissions(channel, BLOCK, 1000 + block, "place-" + block + "-"),
                    Provenance.monitor("bench", null, null));
            long expected = before + (long) (block + 1) * BLOCK;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.queryForObject("select count(*) from item_analysis", Long.class) >= expected);
            rates.add(BLOCK / ((System.nanoTime() - started) / 1e9));
        }
        long largest = jdbc.queryForObject("select max(n) from (select count(*) n from item_analysis group by candidate_id) c",
                Long.class);
        StringBuilder report = new StringBuilder(String.format(
                "Analysis end to end, blocks of %d generated posts (largest candidate at the end: %d items)%n", BLOCK, largest));
        for (int i = 0; i < rates.size(); i++) {
            report.append(String.format("block %d (items %5d–%5d): %7.1f items/s  ratio to block 1: %.2f%n", i + 1,
                    i * BLOCK + 1, (i + 1) * BLOCK, rates.get(i), rates.get(i) / rates.get(0)));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/analysis-placement.txt"), report.toString());
        assertThat(rates).allMatch(r -> r > 0);
    }
}

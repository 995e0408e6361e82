package cn.yuqing.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.intake.Items;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.DataScope;

/**
 * Reads every new item off the request thread, brought by {@link LocalItemFeed} on one machine or
 * by Kafka ({@link DistributedAnalysis}) on several. Either may bring an item twice (a restart, a
 * consumer rebalance); it is analysed once, checked under the lock row.
 *
 * <p>Clustering: a near-duplicate (MinHash, estimated Jaccard ≥ 0.5, seen in the last 7 days)
 * joins its original's candidate; otherwise an item sharing a monitoring scheme and a place with
 * a candidate active in the last 72 hours joins it; otherwise it starts a candidate of its own.
 */
@Component
class Analyser {

    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);
    static final Duration TOPIC_WINDOW = Duration.ofHours(72);

    private final AnalysisEngine engine;
    private final Items items;
    private final ItemAnalysisRepository analyses;
    private final CandidateRepository candidates;
    private final Candidates candidateService;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReentrantLock placing = new ReentrantLock(true);
    private final TransactionTemplate tx;
    private final Timer lag;

    Analyser(AnalysisEngine engine, Items items, ItemAnalysisRepository analyses, CandidateRepository candidates,
            Candidates candidateService, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager txManager,
            MeterRegistry registry) {
        this.lag = Timer.builder("yuqing.analysis.lag").description("从收到一条信息到分析完成的时间")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.tx = new TransactionTemplate(txManager);
        this.engine = engine;
        this.items = items;
        this.analyses = analyses;
        this.candidates = candidates;
        this.candidateService = candidateService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reading the text needs no lock and takes the time; placing the item in a candidate reads
     * what earlier items left, so it runs one item at a time (the lock row), on any number of nodes.
     */
    ItemAnalysis analyse(Long itemId) {
        OpinionItem item = items.require(itemId, DataScope.installation());
        Features features = engine.pipeline().analyse(item.title(), item.body(), item.channelId(), item.unitId());
        // this node's items queue here, not at the lock row: a placement waiting there holds a
        // database connection, and eight of them starved the pages of connections under load
        placing.lock();
        try {
            return tx.execute(status -> place(item, features));
        } finally {
            placing.unlock();
        }
    }

    private ItemAnalysis place(OpinionItem item, Features features) {
        candidateService.lock();
        if (analyses.existsById(item.id())) {
            return analyses.findById(item.id()).orElseThrow();
        }
        Instant now = clock.instant();
        ItemAnalysis analysis = new ItemAnalysis(item, features, now);
        EventCandidate candidate = candidateFor(item, analysis, features);
        analysis.placeIn(candidate.id(), false);
        analyses.save(analysis);
        jdbc.batchUpdate("insert into minhash_band (band_key, item_id, discovered_at) values (?, ?, ?)",
                toArgs(MinHash.bandKeys(features.signature()), item.id(), item.discoveredAt()));
        analyses.flush();
        candidateService.refresh(candidate.id());
        // another node's clock (or a demonstration clock put back by a restart) may be a little ahead of ours
        Duration waited = Duration.between(item.discoveredAt(), now);
        lag.record(waited.isNegative() ? Duration.ZERO : waited);
        return analysis;
    }

    private static List<Object[]> toArgs(long[] keys, Long itemId, Instant at) {
        List<Object[]> args = new ArrayList<>(keys.length);
        for (long k : keys) {
            args.add(new Object[] {k, itemId, java.sql.Timestamp.from(at)});
        }
        return args;
    }

    private EventCandidate candidateFor(OpinionItem item, ItemAnalysis analysis, Features features) {
        Long nearDuplicate = nearestDuplicate(item, features.signature());
        if (nearDuplicate != null) {
            return candidateService.open(analyses.findById(nearDuplicate).orElseThrow().candidateId());
        }
        Long byTopic = sameTopicAndPlace(item, analysis);
        if (byTopic != null) {
            return candidateService.open(byTopic);
        }
        EventCandidate fresh = new EventCandidate(item.headline(), item.unitId(), item.discoveredAt());
        fresh.schemes(String.join(",", analysis.schemeIdSet().stream().map(String::valueOf).sorted().toList()));
        return candidates.save(fresh);
    }

    /** LSH candidates by shared band keys, verified by the signatures' estimated Jaccard similarity. */
    Long nearestDuplicate(OpinionItem item, int[] signature) {
        long[] keys = MinHash.bandKeys(signature);
        StringBuilder in = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (long k : keys) {
            in.append(in.isEmpty() ? "?" : ",?");
            args.add(k);
        }
        args.add(java.sql.Timestamp.from(item.discoveredAt().minus(DUPLICATE_WINDOW)));
        args.add(item.id());
        List<Long> ids = jdbc.queryForList("select distinct item_id from minhash_band where band_key in (" + in
                + ") and discovered_at >= ? and item_id <> ?", Long.class, args.toArray());
        if (ids.isEmpty()) {
            return null;
        }
        Long best = null;
        double bestSimilarity = MinHash.NEAR_DUPLICATE;
        for (ItemAnalysis other : analyses.findByItems(ids)) {
            double similarity = MinHash.similarity(signature, other.signatureValues());
            if (similarity >= bestSimilarity) {
                bestSimilarity = similarity;
                best = other.itemId();
            }
        }
        return best;
    }

    private Long sameTopicAndPlace(OpinionItem item, ItemAnalysis analysis) {
        Set<Long> schemes = analysis.schemeIdSet();
        Set<String> places = new HashSet<>(analysis.placePairs().values());
        if (schemes.isEmpty() || places.isEmpty()) {
            return null;
        }
        for (Long scheme : schemes) {
            for (String place : places) {
                List<Long> found = jdbc.queryForList("""
                        select a.candidate_id from item_analysis a join event_candidate c on c.id = a.candidate_id
                        where c.status = 'OPEN' and a.discovered_at >= ?
                          and (',' || a.scheme_ids || ',') like ? and (a.places || ';') like ?
                        order by a.discovered_at desc fetch first 1 rows only""", Long.class,
                        java.sql.Timestamp.from(item.discoveredAt().minus(TOPIC_WINDOW)), "%," + scheme + ",%",
                        "%|" + place + ";%");
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
        }
        return null;
    }
}

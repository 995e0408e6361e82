package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.yuqing.intake.ItemCollected;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.DataScope;

/**
 * The items waiting to be analysed: a table written in the transaction that stores the item, and
 * emptied in the transaction that places it, so that an item acknowledged is analysed exactly once
 * whatever is killed when (on one machine or several: workers take partitions under leases,
 * {@link PlacementPartitions}). Urgent items go first: flagged by a monitor or a source, or
 * naming an emergency or disaster (the cue words of 4.3 d), which obliges the 5-hour clock).
 */
@Component
class AnalysisQueue {

    private final JdbcTemplate jdbc;
    private final AnalysisEngine engine;
    private final Items items;
    private final PlacementPartitions partitions;
    /** Not set aside after a failure, or its pause is over. */
    private static final String DUE = "(q.retry_at is null or q.retry_at <= ?)";

    private volatile Runnable onCommit = () -> { };

    AnalysisQueue(JdbcTemplate jdbc, AnalysisEngine engine, Items items, PlacementPartitions partitions) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.items = items;
        this.partitions = partitions;
    }

    /** Who to wake when items were queued on this node (the workers). */
    void whenQueued(Runnable wake) {
        this.onCommit = wake;
    }

    /** In intake's transaction: the item and its place in the queue are stored together or not at all. */
    @EventListener
    void on(ItemCollected collected) {
        // the item was just stored in this transaction: reading it again costs no query
        OpinionItem item = items.require(collected.itemId(), DataScope.forSystemTask("分析排队"));
        boolean urgent = collected.urgent() || engine.criteria().find(ChineseText.normalised(item.title() == null
                ? item.body() : item.title() + "\n" + item.body())).containsKey("d");
        String partition = engine.partitionOf(collected.unitId());
        partitions.ensure(partition);
        jdbc.update("insert into analysis_queue (item_id, partition_key, urgent, enqueued_at) values (?, ?, ?, ?)",
                collected.itemId(), partition, urgent, Timestamp.from(collected.discoveredAt()));
        if (urgent && item.parentId() != null) {
            // an urgent reply goes first with its post, so that it is placed after it and joins it
            jdbc.update("update analysis_queue set urgent = true where item_id = ?", item.parentId());
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AnalysisQueue.this);
                    if (status == STATUS_COMMITTED) {
                        onCommit.run();
                    }
                }
            });
        }
    }

    /**
     * Items stored but neither analysed nor queued (an installation upgraded from the time the
     * event publication registry carried them): queued at start, each partition with its row.
     */
    int catchUp() {
        // a partition that has items waiting has its row, or no worker would find them (queued before rows were made at once)
        jdbc.queryForList("select distinct partition_key from analysis_queue", String.class).forEach(partitions::ensure);
        List<Map<String, Object>> missing = jdbc.queryForList("""
                select i.id, i.unit_id, i.urgent, i.discovered_at from opinion_item i
                where not exists (select 1 from item_analysis a where a.item_id = i.id)
                  and not exists (select 1 from analysis_queue q where q.item_id = i.id)""");
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> m : missing) {
            String partition = engine.partitionOf(((Number) m.get("unit_id")).longValue());
            partitions.ensure(partition);
            rows.add(new Object[] {m.get("id"), partition, m.get("urgent"), m.get("discovered_at")});
        }
        jdbc.batchUpdate("insert into analysis_queue (item_id, partition_key, urgent, enqueued_at) values (?, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * The partition of the most pressing item that no other worker is placing: urgent first, then
     * oldest. Asked of each free partition's head in its index (every queued item's partition has
     * its row), not of the whole queue: a worker with nothing to do asks twice a second, and
     * passing over a held partition's backlog of tens of thousands each time took a tenth of the
     * placing worker's core.
     */
    String nextPartition(String worker) {
        String head = "(select q.item_id from analysis_queue q where q.partition_key = p.partition_key and q.urgent = %s and "
                + DUE + " order by q.partition_key, q.urgent, q.item_id fetch first 1 rows only)";
        return jdbc.query("select p.partition_key, " + head.formatted("true") + ", " + head.formatted("false")
                        + " from placement_partition p where " + partitions.notHeldByOthersClause(),
                (rs, n) -> new Head(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class)),
                partitions.now(), partitions.now(), worker, partitions.now()).stream()
                .filter(h -> h.urgent() != null || h.other() != null)
                .min(java.util.Comparator.comparing((Head h) -> h.urgent() == null).thenComparing(Head::first))
                .map(Head::partition).orElse(null);
    }

    /** A partition's first waiting item, urgent and not. */
    private record Head(String partition, Long urgent, Long other) {
        Long first() {
            return urgent != null ? urgent : other;
        }
    }

    /**
     * An urgent item waits in a partition nobody is placing: a worker on a long backlog lets go.
     * Asked of each other partition's urgent items in its own index, as {@link #nextPartition}
     * asks: the queue has no index over all partitions to keep up at every item queued and placed.
     */
    boolean urgentWaitsElsewhere(String partition, String worker) {
        return !jdbc.queryForList("select p.partition_key from placement_partition p where p.partition_key <> ? and "
                + partitions.notHeldByOthersClause() + " and exists (select 1 from analysis_queue q where q.partition_key = "
                + "p.partition_key and q.urgent = true and " + DUE + ") fetch first 1 rows only", String.class, partition,
                worker, partitions.now(), partitions.now()).isEmpty();
    }

    /**
     * The partition's next items in the order they are placed, leaving out those already being
     * read: its urgent items if any wait — and then only those, so that the batch carrying them is
     * placed in the time of a few items, not of a thousand — else its oldest. Two queries, each in
     * its index's own order, so that neither sorts a backlog of tens of thousands to take the first
     * thousand.
     */
    Next next(String partition, int limit, Set<Long> inFlight) {
        for (boolean urgent : new boolean[] {true, false}) {
            List<Long> ids = jdbc.queryForList("select q.item_id from analysis_queue q where q.partition_key = ? and q.urgent = ? and "
                    + DUE + " order by q.partition_key, q.urgent, q.item_id fetch first ? rows only", Long.class, partition,
                    urgent, partitions.now(), limit + inFlight.size()).stream()
                    .filter(id -> !inFlight.contains(id)).limit(limit).toList();
            if (!ids.isEmpty()) {
                return new Next(ids, urgent);
            }
        }
        return Next.NONE;
    }

    /** A batch to read and place, and whether it is of urgent items. */
    record Next(List<Long> items, boolean urgent) {
        static final Next NONE = new Next(List.of(), false);
    }

    /** Whether an urgent item waits in the partition (a worker that read ahead an ordinary batch sets it aside). */
    boolean urgentWaits(String partition) {
        return !jdbc.queryForList("select q.item_id from analysis_queue q where q.partition_key = ? and q.urgent = true and " + DUE
                + " fetch first 1 rows only", Long.class, partition, partitions.now()).isEmpty();
    }

    /** Tried again after 2, 4, 8 … seconds, at most every ten minutes: a database away for a while loses nothing. */
    void failed(Long itemId) {
        Integer failures = jdbc.queryForObject("select failures from analysis_queue where item_id = ?", Integer.class, itemId);
        long pause = Math.min(600, 1L << Math.min(10, (failures == null ? 0 : failures) + 1));
        jdbc.update("update analysis_queue set failures = failures + 1, retry_at = ? where item_id = ?",
                java.sql.Timestamp.from(partitions.now().toInstant().plusSeconds(pause)), itemId);
    }

    /** How many wait, and since when the oldest (its discovery): the backlog the administrator sees. */
    Backlog backlog(Instant now) {
        return jdbc.queryForObject("select count(*), min(enqueued_at) from analysis_queue", (rs, n) -> {
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
        });
    }

    record Backlog(long items, long oldestWaitingSeconds) {
    }
}

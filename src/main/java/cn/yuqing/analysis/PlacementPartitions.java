package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partitions of placement and who places each one now. A worker takes a partition under a
 * lease (a row it names itself in, with an expiry), so that on any number of nodes one worker
 * reads and places a partition's items, in order, while other partitions go on in parallel. A
 * lease is not a lock: nothing waits on it, and a worker that died lets its partitions go when
 * the lease runs out. Leases run on the machine's own clock, never on the demonstration clock,
 * which a trainer moves by days.
 */
@Component
class PlacementPartitions {

    static final Duration LEASE = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate fresh;
    private final Clock wall = Clock.systemUTC();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    PlacementPartitions(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.fresh = new TransactionTemplate(txManager);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The partition's row exists, created in a transaction of its own (a failed insert would spoil the caller's). */
    void ensure(String partition) {
        if (known.contains(partition)) {
            return;
        }
        fresh.executeWithoutResult(status -> {
            Integer rows = jdbc.queryForObject("select count(*) from placement_partition where partition_key = ?",
                    Integer.class, partition);
            if (rows == 0) {
                try {
                    jdbc.update("insert into placement_partition (partition_key, version) values (?, 0)", partition);
                } catch (DuplicateKeyException createdMeanwhile) {
                    status.setRollbackOnly();
                }
            }
        });
        known.add(partition);
    }

    /** True if {@code worker} holds the partition now: it was free, lapsed, or already its own. */
    boolean acquire(String partition, String worker) {
        ensure(partition);
        Timestamp now = Timestamp.from(wall.instant());
        return jdbc.update("""
                update placement_partition set owner = ?, lease_until = ?
                where partition_key = ? and (owner is null or owner = ? or lease_until < ?)""",
                worker, Timestamp.from(wall.instant().plus(LEASE)), partition, worker, now) == 1;
    }

    void release(String partition, String worker) {
        jdbc.update("update placement_partition set owner = null, lease_until = null where partition_key = ? and owner = ?",
                partition, worker);
    }

    /** On one machine nothing can be placing while it starts: leases of the previous run are void. */
    void releaseAll() {
        jdbc.update("update placement_partition set owner = null, lease_until = null where owner is not null");
    }

    /** A partition's row {@code p} held by another worker now (parameters: the worker, now). */
    private static final String HELD_BY_OTHERS = "p.owner is not null and p.owner <> ? and p.lease_until >= ?";

    /** A partition ({@code p}) no other worker holds: a worker looking for work passes the others by. */
    String notHeldByOthersClause() {
        return "not (" + HELD_BY_OTHERS + ")";
    }

    Timestamp now() {
        return Timestamp.from(wall.instant());
    }
}

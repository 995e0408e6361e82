package cn.yuqing.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distributed tier: an event whose listener never finished because its node died (an item
 * stored but not yet handed to Kafka, a clock not yet started) is handed out again by a node still
 * running. A restarting node does not do it on its own (its neighbours' work in hand would run
 * twice); here one node at a time, under a PostgreSQL advisory lock, resubmits what has waited
 * longer than any listener takes, and the same one again only after as long.
 */
@Component
@ConditionalOnBooleanProperty("spring.modulith.events.externalization.enabled")
class StrandedPublications {

    /** Any number that no other advisory lock of this database uses. */
    private static final long LOCK = 0x79757169_6e67L;

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration after;

    StrandedPublications(IncompleteEventPublications incomplete, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            @Value("${yuqing.cluster.resubmit-after:PT2M}") Duration after) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${yuqing.cluster.resubmit-every:PT30S}", initialDelayString = "PT30S")
    void resubmit() {
        tx.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                Instant before = clock.instant().minus(after);
                incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                        .withMinAge(after)
                        .withFilter(p -> waited(p, before)));
            }
        });
    }

    private static boolean waited(EventPublication p, Instant before) {
        return p.getLastResubmissionDate() == null || p.getLastResubmissionDate().isBefore(before);
    }
}

package cn.yuqing.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events whose listener never finished are handed out again: a clock not started, an input of the
 * analysis not handed to Kafka. (Items reach analysis through the analysis queue, not through
 * publications.) Spring Modulith resubmits only publications marked
 * failed; one cut short by a crash stays "processing" or "resubmitted" (found by
 * {@code CrashSafetyTests}), until its staleness settings mark it failed.
 *
 * <p>On one machine nothing can be in progress when the JVM starts, so at start every incomplete
 * publication is marked failed and resubmitted at once. On several machines a starting node must
 * not replay its neighbours' work in hand: there the staleness settings mark what waited too long,
 * and a running node resubmits it, one node at a time (a PostgreSQL advisory lock). On both, what
 * failed is tried again every so often, at most {@value #MAX_ATTEMPTS} times.
 */
@Component
class StrandedPublications {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 100;
    /** Any number that no other advisory lock of this database uses. */
    private static final long LOCK = 0x79757169_6e67L;

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration after;
    private final boolean severalNodes;

    StrandedPublications(IncompleteEventPublications incomplete, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            @Value("${yuqing.cluster.resubmit-after:PT2M}") Duration after,
            @Value("${spring.modulith.events.externalization.enabled:false}") boolean severalNodes) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.after = after;
        this.severalNodes = severalNodes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (!severalNodes) {
            jdbc.update("update event_publication set status = 'FAILED' where completion_date is null"
                    + " and (status is null or status <> 'FAILED')");
            incomplete.resubmitIncompletePublications(p -> true);
        }
    }

    @Scheduled(fixedDelayString = "${yuqing.cluster.resubmit-every:PT30S}", initialDelayString = "PT30S")
    void resubmit() {
        tx.executeWithoutResult(status -> {
            if (!severalNodes || Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                Instant before = clock.instant().minus(after);
                // Modulith reads "batch size minus those in flight" and sent a negative LIMIT (an SQL
                // error every round) while more than a batch was in flight: it now skips such rounds
                incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                        .withBatchSize(BATCH).withMaxInFlight(BATCH)
                        .withMinAge(after)
                        .withFilter(p -> waited(p, before) && p.getCompletionAttempts() < MAX_ATTEMPTS));
            }
        });
    }

    private static boolean waited(EventPublication p, Instant before) {
        return p.getLastResubmissionDate() == null || p.getLastResubmissionDate().isBefore(before);
    }
}

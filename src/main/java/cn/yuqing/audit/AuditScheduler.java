package cn.yuqing.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The audit's scheduled work: linking the waiting entries onto the chain, and the daily keeping before
 * the night's backup. Tests switch it off ({@code yuqing.scheduling.enabled=false}): every read of the
 * trail links what waits first, and they call {@link AuditKeeping#daily()} with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditScheduler {

    private final AuditKeeping keeping;
    private final AuditTrail trail;

    AuditScheduler(AuditKeeping keeping, AuditTrail trail) {
        this.keeping = keeping;
        this.trail = trail;
    }

    /** Short enough that the trail is current when someone looks, long enough that each turn links a batch. */
    @Scheduled(fixedDelayString = "${yuqing.audit.chain-every:PT0.5S}", initialDelayString = "PT5S")
    void chain() {
        trail.chainWaiting();
    }

    @Scheduled(cron = "${yuqing.audit.keeping-cron:0 10 2 * * *}", zone = "Asia/Shanghai")
    void daily() {
        keeping.daily();
    }
}

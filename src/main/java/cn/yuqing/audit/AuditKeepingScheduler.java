package cn.yuqing.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The audit's daily keeping, before the night's backup. Tests switch it off
 * ({@code yuqing.scheduling.enabled=false}) and call {@link AuditKeeping#daily()} with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditKeepingScheduler {

    private final AuditKeeping keeping;

    AuditKeepingScheduler(AuditKeeping keeping) {
        this.keeping = keeping;
    }

    @Scheduled(cron = "${yuqing.audit.keeping-cron:0 10 2 * * *}", zone = "Asia/Shanghai")
    void daily() {
        keeping.daily();
    }
}

package cn.yuqing.deadline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Each node looks for due timers every few seconds; tests switch this off and fire with a moved clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineScheduler {

    private final DeadlineTimers timers;

    DeadlineScheduler(DeadlineTimers timers) {
        this.timers = timers;
    }

    @Scheduled(fixedDelayString = "${yuqing.deadline.poll-every:PT15S}", initialDelayString = "PT10S")
    void fire() {
        timers.fireDue();
    }
}

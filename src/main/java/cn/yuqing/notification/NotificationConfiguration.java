package cn.yuqing.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** Each node sends what is due every few seconds; tests switch it off and call {@link Deliveries#sendDue()}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class DeliveryScheduler {

        private final Deliveries deliveries;

        DeliveryScheduler(Deliveries deliveries) {
            this.deliveries = deliveries;
        }

        @Scheduled(fixedDelayString = "${yuqing.notification.send-every:PT15S}", initialDelayString = "PT15S")
        void send() {
            deliveries.sendDue();
        }
    }
}

package cn.yuqing.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every rule that depends on time takes this clock, so that tests move time instead of sleeping. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Times.ZONE);
    }

    /** Monday to Friday where the deadline module (and its edited calendar) is absent, as in module tests. */
    @Bean
    @ConditionalOnMissingBean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.WEEKDAYS;
    }
}

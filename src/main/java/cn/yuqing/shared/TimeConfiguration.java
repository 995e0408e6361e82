package cn.yuqing.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Every rule that depends on time takes this clock, so that tests move time instead of sleeping. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Real time; in the demo and training profiles a demonstration clock that can be moved forward. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(Environment environment) {
        Clock system = Clock.system(Times.ZONE);
        return DemonstrationClock.wantedIn(environment) ? new DemonstrationClock(system) : system;
    }

    @Bean
    @ConditionalOnMissingBean
    WallClock wallClock() {
        return new WallClock(Clock.system(Times.ZONE));
    }

    /** Monday to Friday where the deadline module (and its edited calendar) is absent, as in module tests. */
    @Bean
    @ConditionalOnMissingBean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.WEEKDAYS;
    }

    @Bean
    @ConditionalOnMissingBean
    WorkingHours workingHours() {
        return WorkingHours.CALENDAR;
    }
}

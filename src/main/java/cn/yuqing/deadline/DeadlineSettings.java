package cn.yuqing.deadline;

import java.time.Duration;
import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * @param officeHours the hours that count as working hours on working days
 * @param batchSize   timers fired per transaction
 * @param pollEvery   how often each node looks for due timers
 */
@ConfigurationProperties("yuqing.deadline")
record DeadlineSettings(String officeHours, Integer batchSize, Duration pollEvery) {

    DeadlineSettings {
        officeHours = officeHours == null || officeHours.isBlank() ? "08:30-12:00,14:30-17:30" : officeHours;
        batchSize = batchSize == null || batchSize <= 0 ? 200 : batchSize;
        pollEvery = pollEvery == null ? Duration.ofSeconds(15) : pollEvery;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeadlineSettings.class)
    static class Beans {

        @Bean
        WorkingTime workingTime(WorkingDays calendar, DeadlineSettings settings, Clock clock) {
            return new WorkingTime(calendar, WorkingTime.parseOfficeHours(settings.officeHours()), clock.getZone());
        }
    }
}

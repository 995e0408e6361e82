package cn.yuqing.intake;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When patrols fall due. A channel with n patrols a day has n equal slots in the working hours;
 * the i-th patrol is due at the end of the i-th slot. The monitor is reminded then; the unit's
 * leader {@code leaderDelay} later if it is still not done.
 */
@ConfigurationProperties("yuqing.intake.patrol")
public record PatrolSettings(LocalTime workStart, LocalTime workEnd, Duration leaderDelay) {

    public PatrolSettings {
        workStart = workStart == null ? LocalTime.of(8, 30) : workStart;
        workEnd = workEnd == null ? LocalTime.of(17, 30) : workEnd;
        leaderDelay = leaderDelay == null ? Duration.ofHours(2) : leaderDelay;
    }
}

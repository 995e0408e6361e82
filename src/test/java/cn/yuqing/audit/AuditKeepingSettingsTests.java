package cn.yuqing.audit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The law's minimum is a setting the system will not start without: the refusal says so in Chinese. */
class AuditKeepingSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditKeepingSettings.class)
    static class Settings {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void retentionDefaultsToOneHundredAndEightyDaysWithAnSm3Digest() {
        context.run(c -> {
            AuditKeepingSettings settings = c.getBean(AuditKeepingSettings.class);
            assertThat(settings.retentionDays()).isEqualTo(180);
            assertThat(settings.exportDigest()).isEqualTo("SM3");
        });
        context.withPropertyValues("yuqing.audit.retention=365d", "yuqing.audit.export-digest=sha-256")
                .run(c -> assertThat(c.getBean(AuditKeepingSettings.class).exportDigest()).isEqualTo("SHA-256"));
    }

    @Test
    void lessThanOneHundredAndEightyDaysIsRefusedAtStart() {
        context.withPropertyValues("yuqing.audit.retention=90d").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("设为90天，少于《网络安全法》第二十一条要求的六个月：请设为 180d 或更长"));
        context.withPropertyValues("yuqing.audit.export-digest=MD5").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("只能是 SM3 或 SHA-256"));
    }
}

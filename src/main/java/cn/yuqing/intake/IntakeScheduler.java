package cn.yuqing.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The recurring work of intake, once a minute: due feeds and mailboxes, patrol reminders, silent
 * sources. Each step is safe to run on several nodes at once (idempotent items, claimed reminders).
 * Tests switch it off ({@code yuqing.scheduling.enabled=false}) and call the steps with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class IntakeScheduler {

    private final FeedPoller feeds;
    private final MailboxPoller mailboxes;
    private final Patrols patrols;
    private final Sources sources;

    IntakeScheduler(FeedPoller feeds, MailboxPoller mailboxes, Patrols patrols, Sources sources) {
        this.feeds = feeds;
        this.mailboxes = mailboxes;
        this.patrols = patrols;
        this.sources = sources;
    }

    @Scheduled(fixedDelayString = "${yuqing.intake.poll-every:PT1M}", initialDelayString = "PT20S")
    void pollSources() {
        feeds.pollDue();
        mailboxes.pollDue();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void remindAndAlert() {
        patrols.sendReminders();
        sources.alertSilentSources();
    }
}

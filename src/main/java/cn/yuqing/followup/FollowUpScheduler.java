package cn.yuqing.followup;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for re-assessments fallen due every few minutes; tests switch it off and call {@link FollowUps#remindDue()}. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class FollowUpScheduler {

    private final FollowUps followUps;

    FollowUpScheduler(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Scheduled(fixedDelayString = "${yuqing.follow-up.remind-every:PT5M}", initialDelayString = "PT40S")
    void remind() {
        followUps.remindDue();
    }
}

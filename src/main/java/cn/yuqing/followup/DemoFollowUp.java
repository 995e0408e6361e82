package cn.yuqing.followup;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;

/**
 * Demo follow-up on the demo's major event once the opinion demo has put it in response: the
 * publicity department's guidance, an expert's interpretation and a first re-assessment, so that a
 * newcomer sees 4.5 filled in.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yuqing.demo.events", havingValue = "true", matchIfMissing = true)
class DemoFollowUp {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);

    private final FollowUps followUps;
    private final OpinionEvents opinions;
    private final Accounts accounts;
    private final TaskExecutor executor;
    private final java.time.Clock clock;

    DemoFollowUp(FollowUps followUps, OpinionEvents opinions, Accounts accounts,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, java.time.Clock clock) {
        this.followUps = followUps;
        this.opinions = opinions;
        this.accounts = accounts;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        executor.execute(() -> {
            try {
                build();
            } catch (RuntimeException e) {
                log.warn("demo follow-up not built: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void build() throws InterruptedException {
        DataScope all = DataScope.forSystemTask("演示数据");
        Optional<EventSnapshot> event = Optional.empty();
        for (int i = 0; i < 120 && event.isEmpty(); i++) {
            event = opinions.events(all).stream().filter(e -> e.title().contains("学校食堂") && e.state() == EventState.RESPONDING)
                    .findFirst();
            if (event.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        if (event.isEmpty() || !followUps.reassessments(event.get().id(), all).isEmpty()) {
            return;
        }
        EventSnapshot e = event.get();
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        followUps.record(e.id(), all, analyst, Guidance.Kind.PUBLICITY_GUIDANCE, "县委宣传部", clock.instant(),
                "各部门按统一口径发声；留样检测结果出来后第一时间公布，同时回应家长对复课和供餐安排的关切。", null);
        followUps.record(e.id(), all, analyst, Guidance.Kind.EXPERT_INTERPRETATION, "县疾控中心 李医生（主任医师）", clock.instant(),
                "学生症状轻微、已缓解，与集体食物中毒的表现不符，待检测结果确认；家长无需恐慌。", "潢川发布官方微博");
        followUps.reassess(e.id(), e.version(), all, analyst, e.grade(), e.emergency(),
                "家长群仍在转发，若检测结果迟迟不公布，可能在学校门口聚集；按时发布后预计热度下降。", "维持重大等级，继续跟进");
        log.info("演示跟进研判已载入");
    }
}

package cn.yuqing.opinion;

import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.EventCandidate;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;

/**
 * Demo events in different states, so that a newcomer sees the workflow at once: one responding
 * (judged major, routed, with talking points and work orders), one being verified, one watched,
 * one just collected. Built once the demo items have been analysed, in the background.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "yuqing.demo.events", havingValue = "true",
        matchIfMissing = true)
class DemoOpinion {

    private static final Logger log = LoggerFactory.getLogger(DemoOpinion.class);

    private final OpinionManagement opinions;
    private final EventRouting routing;
    private final Candidates candidates;
    private final Accounts accounts;
    private final TaskExecutor executor;
    private final EventRepository events;

    DemoOpinion(OpinionManagement opinions, EventRouting routing, Candidates candidates, Accounts accounts,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
            EventRepository events) {
        this.opinions = opinions;
        this.routing = routing;
        this.candidates = candidates;
        this.accounts = accounts;
        this.executor = executor;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (events.count() > 0) {
            return;
        }
        executor.execute(() -> {
            try {
                build();
            } catch (RuntimeException e) {
                log.warn("demo events not built: {}", e.toString());
            }
        });
    }

    private Optional<EventCandidate> candidate(String titlePart) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            Optional<EventCandidate> found = candidates.queue(DataScope.installation(), 500).stream()
                    .filter(c -> c.title().contains(titlePart)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(1000);
        }
        return Optional.empty();
    }

    private void build() {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope all = DataScope.installation();
        try {
            candidate("学校食堂").ifPresent(c -> {
                OpinionEvent e = opinions.open(c.id(), all, analyst);
                e = opinions.startVerification(e.id(), e.version(), all, analyst);
                e = opinions.verify(e.id(), e.version(), all, analyst, "经县教体局、县市场监管局现场核查：3名学生出现腹痛，已送医观察，食堂留样已封存送检。",
                        "县教体局、县市场监管局、县人民医院", Conclusion.PARTLY_TRUE, MatterKind.MAJOR_PROBLEM);
                e = opinions.flag(e.id(), e.version(), all, analyst, true, true);
                e = opinions.judge(e.id(), e.version(), all, analyst, true, Set.of("b", "d"), "MAJOR", true,
                        "涉及学生食品安全，家长关注度高，属突发事件处置");
                e = routing.route(e.id(), e.version(), all, analyst);
                opinions.addTalkingPoints(e.id(), all, analyst, "县教体局、县市场监管局已第一时间介入，3名学生经检查无大碍；食堂已暂停供餐，"
                        + "留样送检结果将及时公布。");
                e = opinions.require(e.id(), all);
                e = opinions.makePlan(e.id(), e.version(), all, analyst, "潢川发布官方微博、县政府门户网站", "5小时内发布权威信息，24小时内召开新闻发布会");
                opinions.startResponse(e.id(), e.version(), all, analyst);
            });
            candidate("桥").ifPresent(c -> {
                OpinionEvent e = opinions.open(c.id(), all, analyst);
                opinions.startVerification(e.id(), e.version(), all, analyst);
            });
            candidate("医保").ifPresent(c -> {
                OpinionEvent e = opinions.open(c.id(), all, analyst);
                e = opinions.startVerification(e.id(), e.version(), all, analyst);
                e = opinions.verify(e.id(), e.version(), all, analyst, "属一般性政策咨询", "县医保中心", Conclusion.TRUE,
                        MatterKind.CONFUSION);
                opinions.judge(e.id(), e.version(), all, analyst, false, Set.of(), null, false, "一般咨询，由窗口答复，持续关注");
            });
            candidate("养殖场").ifPresent(c -> opinions.open(c.id(), all, analyst));
            log.info("演示舆情事件已载入");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

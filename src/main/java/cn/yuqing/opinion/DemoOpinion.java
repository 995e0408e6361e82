package cn.yuqing.opinion;

import java.util.List;
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
            Optional<EventCandidate> found = candidates.queue(DataScope.forSystemTask("演示数据"), 500).stream()
                    .filter(c -> c.title().contains(titlePart)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(1000);
        }
        return Optional.empty();
    }

    /** Opened, verified with its main matter, judged a key response, routed by the rules and planned: its parties hold work orders. */
    private void planned(EventCandidate c, SignedInPerson analyst, String facts, String sources, MatterKind kind, String mainCategory,
            String criterion, String reasons, String talkingPoints) {
        DataScope all = DataScope.forSystemTask("演示数据");
        OpinionEvent e = opinions.open(c.id(), all, analyst);
        e = opinions.startVerification(e.id(), e.version(), all, analyst);
        e = opinions.verify(e.id(), e.version(), all, analyst, facts, sources, Conclusion.TRUE, kind, mainCategory, List.of());
        e = opinions.judge(e.id(), e.version(), all, analyst, true, Set.of(criterion), "ORDINARY", false, reasons);
        e = routing.route(e.id(), e.version(), all, analyst);
        opinions.addTalkingPoints(e.id(), all, analyst, talkingPoints);
        e = opinions.require(e.id(), all);
        opinions.makePlan(e.id(), e.version(), all, analyst, "潢川发布官方微博、县政府门户网站", "48小时内回应");
    }

    private void build() {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope all = DataScope.forSystemTask("演示数据");
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
            // every demo responder's unit gets a work order to act on (the bridge: 踅孜镇; the farm: 伞陂镇; the estate: 住建局)
            candidate("桥").ifPresent(c -> planned(c, analyst, "踅孜镇某村道桥梁检测为危桥，交通运输局拟封闭重建，施工期间设临时便道。",
                    "县交通运输局、踅孜镇人民政府", MatterKind.CONFUSION, "TRANSPORT", "b", "涉及学生出行，群众关注度高",
                    "桥梁检测为危桥，为保障安全将封闭重建；施工期间开设临时便道，并安排校车接送学生。"));
            candidate("养殖场").ifPresent(c -> planned(c, analyst, "伞陂镇某村养殖场粪污处理设施不完善，夏季异味明显，属实。",
                    "信阳市生态环境局潢川分局、伞陂镇人民政府现场检查", MatterKind.DIFFICULTY, "ENVIRONMENT", "b", "群众多次反映，影响周边居民生活",
                    "环境部门已责令养殖场限期整改粪污处理设施，伞陂镇人民政府跟踪督促，整改情况将向群众反馈。"));
            candidate("停车").ifPresent(c -> planned(c, analyst, "春申街道某小区车位配比不足，夜间车辆占用消防通道情况属实。",
                    "县住房和城乡建设局、春申街道办事处", MatterKind.SUGGESTION, "HOUSING", "b", "涉及消防安全和居民切身利益",
                    "住建部门将会同街道和物业企业规划临时停车区域，消防通道占用问题立即整治。"));
            candidate("医保").ifPresent(c -> {
                OpinionEvent e = opinions.open(c.id(), all, analyst);
                e = opinions.startVerification(e.id(), e.version(), all, analyst);
                e = opinions.verify(e.id(), e.version(), all, analyst, "属一般性政策咨询", "县医保中心", Conclusion.TRUE,
                        MatterKind.CONFUSION);
                opinions.judge(e.id(), e.version(), all, analyst, false, Set.of(), null, false, "一般咨询，由窗口答复，持续关注");
            });
            log.info("演示舆情事件已载入");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

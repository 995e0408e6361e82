package cn.yuqing.analysis;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yuqing.shared.Gauges;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far analysis is behind intake, for the operator: items in the analysis queue, and how long
 * the oldest of them has waited since it was collected.
 */
@Component
class AnalysisMetrics {

    AnalysisMetrics(MeterRegistry registry, AnalysisQueue queue, Clock clock) {
        Gauges.register(registry, "yuqing.analysis", Map.of(
                "backlog", "已采集、尚未分析的信息条数",
                "oldest.waiting.seconds", "其中等得最久的一条已等待的秒数"), () -> {
                    AnalysisQueue.Backlog backlog = queue.backlog(clock.instant());
                    return Map.<String, Number>of("backlog", backlog.items(), "oldest.waiting.seconds",
                            backlog.oldestWaitingSeconds());
                });
    }
}

package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yuqing.shared.Gauges;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far analysis is behind intake, for the operator: items of the last day not analysed yet,
 * and how long the oldest of them has waited. With Kafka between the nodes this is the lag that
 * matters (an item counted here is stored and waiting for a consumer), whatever the offsets say.
 */
@Component
class AnalysisMetrics {

    AnalysisMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        Gauges.register(registry, "yuqing.analysis", Map.of(
                "backlog", "已采集、尚未分析的信息条数（近24小时）",
                "oldest.waiting.seconds", "其中等得最久的一条已等待的秒数"), () -> {
                    Instant now = clock.instant();
                    return jdbc.queryForObject("""
                            select count(*), min(i.discovered_at) from opinion_item i
                            where i.discovered_at > ? and not exists (select 1 from item_analysis a where a.item_id = i.id)
                            """, (rs, n) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        return Map.<String, Number>of("backlog", rs.getLong(1), "oldest.waiting.seconds",
                                oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                    }, Timestamp.from(now.minus(Duration.ofDays(1))));
                });
    }
}

package cn.yuqing.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yuqing.shared.Gauges;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Open clocks and overdue ones, for the operator. A clock past due that no node has marked missed
 * yet counts as overdue too: a rising difference between the two is the sign of timers not firing.
 */
@Component
class DeadlineMetrics {

    DeadlineMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        Gauges.register(registry, "yuqing.deadline", Map.of(
                "open", "计时中或已超时未完成的时限数",
                "overdue", "已超过时限、尚未完成的时限数",
                "unfired", "已到期但尚未被标记超时的时限数（应接近0）"),
                () -> jdbc.queryForObject("""
                        select count(*),
                               coalesce(sum(case when status = 'MISSED' or due_at < ? then 1 else 0 end), 0),
                               coalesce(sum(case when status = 'RUNNING' and due_at < ? then 1 else 0 end), 0)
                        from deadline where status in ('RUNNING', 'MISSED')
                        """, (rs, n) -> Map.<String, Number>of("open", rs.getLong(1), "overdue", rs.getLong(2),
                        "unfired", rs.getLong(3)),
                        Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minusSeconds(60))));
    }
}

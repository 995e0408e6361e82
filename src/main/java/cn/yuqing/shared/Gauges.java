package cn.yuqing.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Figures read from the database for the monitoring (Actuator, /actuator/prometheus). Several
 * gauges come from one query, and a scrape from each of several Prometheus servers must not run
 * it each time: the figures are kept for a few seconds.
 */
public final class Gauges {

    private final Supplier<Map<String, Number>> query;
    private final Duration keep;
    private final Clock clock = Clock.systemUTC();
    private Map<String, Number> figures = Map.of();
    private Instant readAt = Instant.MIN;

    private Gauges(Supplier<Map<String, Number>> query, Duration keep) {
        this.query = query;
        this.keep = keep;
    }

    /** One query; each of its figures becomes the gauge {@code prefix.name}, described in Chinese for the operator. */
    public static void register(MeterRegistry registry, String prefix, Map<String, String> descriptions,
            Supplier<Map<String, Number>> query) {
        Gauges gauges = new Gauges(query, Duration.ofSeconds(10));
        // strongly held: Micrometer keeps a gauge's object weakly, and nothing else holds this one
        descriptions.forEach((name, description) -> Gauge.builder(prefix + "." + name, gauges, g -> g.read(name))
                .strongReference(true).description(description).register(registry));
    }

    private synchronized double read(String name) {
        Instant now = clock.instant();
        if (readAt.plus(keep).isBefore(now)) {
            figures = query.get();
            readAt = now;
        }
        Number n = figures.get(name);
        return n == null ? Double.NaN : n.doubleValue();
    }
}

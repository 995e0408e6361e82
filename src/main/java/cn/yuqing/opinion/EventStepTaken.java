package cn.yuqing.opinion;

import java.time.Instant;
import java.util.Map;

import org.springframework.modulith.NamedInterface;
import cn.yuqing.shared.AuditedChange;

/** An event moved (or was re-graded, routed, planned): the fact, audited. */
@NamedInterface("port")
public record EventStepTaken(Long eventId, String step, EventState from, EventState to, String clause, Instant at,
        Map<String, ?> after) implements AuditedChange {

    @Override
    public String action() {
        return "opinion:event:" + step.toLowerCase();
    }

    @Override
    public String subject() {
        return "event/" + eventId;
    }

    @Override
    public Map<String, ?> before() {
        return Map.of("state", from == null ? "" : from.name());
    }
}

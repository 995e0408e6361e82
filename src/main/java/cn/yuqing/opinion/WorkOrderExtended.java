package cn.yuqing.opinion;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/** The government office approved a unit's extension of its work order: whoever raised the matter is told. */
@NamedInterface("port")
public record WorkOrderExtended(Long orderId, Long eventId, Long unitId, Instant until) {
}

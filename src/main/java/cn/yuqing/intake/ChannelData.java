package cn.yuqing.intake;

import java.util.Set;

public record ChannelData(String name, ChannelType type, Long unitId, String location, int patrolsPerDay, boolean active,
        Set<Long> monitorIds) {

    public ChannelData {
        monitorIds = monitorIds == null ? Set.of() : Set.copyOf(monitorIds);
    }
}

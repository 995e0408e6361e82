package cn.yuqing.intake;

import java.time.Instant;

/** A new item was collected (duplicates publish nothing). Analysis reads the item from here on. */
public record ItemCollected(Long itemId, Long channelId, Long unitId, Instant discoveredAt, boolean urgent) {
}

package cn.yuqing.analysis;

import java.time.Instant;

/** How many items of a candidate, and how many negative, arrived in one time bucket from {@code start}. */
public record Volume(Instant start, int items, int negative) {
}

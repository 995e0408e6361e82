package cn.yuqing.response;

import java.time.Instant;

/**
 * A release was published (4.4). The deadline module listens: the clocks the release's kind answers
 * stop, and it counts as the continued release the follow-up clock waits for.
 */
public record ReleasePublished(Long eventId, Long releaseId, ReleaseKind kind, Instant publishedAt, String summary) {
}

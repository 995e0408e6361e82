package cn.yuqing.deadline;

import java.time.Instant;
import java.util.Set;

/**
 * A release was published (4.4): the clocks it answers stop. Published by the response module,
 * which knows which kind of release answers which clock; a release also counts as the continued
 * release that the follow-up clock waits for.
 */
public record ReleasePublished(Long eventId, Set<ClockKind> answers, Instant publishedAt, String summary) {

    public ReleasePublished {
        answers = Set.copyOf(answers);
    }
}

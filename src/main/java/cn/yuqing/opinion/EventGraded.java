package cn.yuqing.opinion;

import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * 4.3/4.4: an event was judged a key response, or re-graded. The deadlines start from
 * {@code firstKnownAt}; a re-grade to a stricter grade starts the stricter clocks from
 * {@code gradedAt} unless an earlier clock is stricter (DOMAIN.md). The grade travels with its name,
 * so that a listener writing the clock's history need not read it back.
 */
@NamedInterface("port")
public record EventGraded(Long eventId, String grade, String gradeName, int gradeRank, boolean emergency, Set<String> criteria,
        Instant firstKnownAt, Instant gradedAt, boolean regrade) {

    public boolean majorOrAbove() {
        return gradeRank <= Grade.MAJOR_RANK;
    }
}

package cn.yuqing.opinion;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

import cn.yuqing.shared.Times;

/**
 * An event as the later stages read it (4.4–4.6, reports, scorecards): taken in the reading
 * transaction and immutable, so that no module outside {@code opinion} holds the aggregate or can
 * change it except through the workflow's own calls. {@code closable}: the workflow would let it close now (4.6).
 */
@NamedInterface("port")
public record EventSnapshot(Long id, String title, EventState state, String grade, boolean emergency, Boolean keyResponse,
        Instant firstKnownAt, Instant gradedAt, Instant closedAt, Long candidateId, Long ownerUnitId, Long responsibleUnitId,
        String levelRegionCode, Set<String> placeCodes, MatterKind matterKind, Conclusion conclusion, String facts,
        String responseChannels, String review, long version, List<EventStep> steps, boolean closable) {

    public EventSnapshot {
        placeCodes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(placeCodes));
        steps = List.copyOf(steps);
    }

    static EventSnapshot of(OpinionEvent e) {
        return new EventSnapshot(e.id(), e.title(), e.state(), e.grade(), e.emergency(), e.keyResponse(), e.firstKnownAt(),
                e.gradedAt(), e.closedAt(), e.candidateId(), e.ownerUnitId(), e.responsibleUnitId(), e.levelRegionCode(),
                e.placeCodes(), e.matterKind(), e.conclusion(), e.facts(), e.responseChannels(), e.review(), e.version(),
                e.steps(), e.possibleActions().contains(Workflow.Action.CLOSE));
    }

    public String firstKnownAtText() {
        return Times.format(firstKnownAt);
    }
}

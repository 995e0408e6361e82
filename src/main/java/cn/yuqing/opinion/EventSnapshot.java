package cn.yuqing.opinion;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.yuqing.shared.Times;

/**
 * An event as the later stages read it (4.4–4.6, reports, scorecards): taken in the reading
 * transaction and immutable, so that no module outside {@code opinion} holds the aggregate or can
 * change it except through the workflow's own calls.
 */
public record EventSnapshot(Long id, String title, EventState state, String grade, boolean emergency, Boolean keyResponse,
        Instant firstKnownAt, Instant gradedAt, Instant closedAt, Long candidateId, Long ownerUnitId, Long responsibleUnitId,
        String levelRegionCode, Set<String> placeCodes, MatterKind matterKind, Conclusion conclusion, String facts,
        String responseChannels, String review, long version, List<EventStep> steps, Set<Workflow.Action> possibleActions) {

    public EventSnapshot {
        placeCodes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(placeCodes));
        steps = List.copyOf(steps);
        possibleActions = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(possibleActions));
    }

    static EventSnapshot of(OpinionEvent e) {
        return new EventSnapshot(e.id(), e.title(), e.state(), e.grade(), e.emergency(), e.keyResponse(), e.firstKnownAt(),
                e.gradedAt(), e.closedAt(), e.candidateId(), e.ownerUnitId(), e.responsibleUnitId(), e.levelRegionCode(),
                e.placeCodes(), e.matterKind(), e.conclusion(), e.facts(), e.responseChannels(), e.review(), e.version(),
                e.steps(), e.possibleActions());
    }

    public String firstKnownAtText() {
        return Times.format(firstKnownAt);
    }
}

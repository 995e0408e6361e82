package cn.yuqing.analysis;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.NotFound;

/** An analyst sets an item's topics; the correction is kept and each topic's model learns from it. */
@Service
@Transactional
public class TopicCorrections {

    private final TopicCorrectionRepository corrections;
    private final ItemAnalysisRepository analyses;
    private final SchemeRepository schemes;
    private final Items items;
    private final Candidates candidates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicCorrections(TopicCorrectionRepository corrections, ItemAnalysisRepository analyses, SchemeRepository schemes,
            Items items, Candidates candidates, ApplicationEventPublisher events, Clock clock) {
        this.corrections = corrections;
        this.analyses = analyses;
        this.schemes = schemes;
        this.items = items;
        this.candidates = candidates;
        this.events = events;
        this.clock = clock;
    }

    record TopicsCorrected(String action, String subject, Map<String, ?> after) implements AuditedChange {
    }

    public void correct(Long itemId, Set<Long> schemeIds, DataScope scope, SignedInPerson by) {
        OpinionItem item = items.require(itemId, scope);
        ItemAnalysis analysis = analyses.findById(itemId).orElseThrow(() -> new NotFound("分析结果"));
        Set<Long> known = Set.copyOf(schemes.findAllById(schemeIds).stream().map(MonitoringScheme::id).toList());
        String text = item.title() == null ? item.body() : item.title() + "\n" + item.body();
        corrections.save(new TopicCorrection(itemId, known, text, by.personId(), clock.instant()));
        analysis.topicsCorrected(known);
        analyses.flush();
        candidates.refresh(analysis.candidateId());
        events.publishEvent(new TopicsCorrected("analysis:topic:correct", "item/" + itemId,
                Map.of("schemes", known.stream().sorted().toList())));
    }
}

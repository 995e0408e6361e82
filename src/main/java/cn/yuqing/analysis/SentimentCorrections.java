package cn.yuqing.analysis;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.NotFound;

/** An analyst corrects an item's sentiment; the correction is kept and the model retrained on it. */
@Service
@Transactional
public class SentimentCorrections {

    private final CorrectionRepository corrections;
    private final ItemAnalysisRepository analyses;
    private final Items items;
    private final Candidates candidates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SentimentCorrections(CorrectionRepository corrections, ItemAnalysisRepository analyses, Items items,
            Candidates candidates, ApplicationEventPublisher events, Clock clock) {
        this.corrections = corrections;
        this.analyses = analyses;
        this.items = items;
        this.candidates = candidates;
        this.events = events;
        this.clock = clock;
    }

    record Corrected(String action, String subject, Map<String, ?> after) implements AuditedChange {
    }

    public void correct(Long itemId, Sentiment label, DataScope scope, SignedInPerson by) {
        OpinionItem item = items.require(itemId, scope);
        ItemAnalysis analysis = analyses.findById(itemId).orElseThrow(() -> new NotFound("分析结果"));
        String text = item.title() == null ? item.body() : item.title() + "\n" + item.body();
        corrections.save(new SentimentCorrection(itemId, label, text, by.personId(), clock.instant()));
        analysis.corrected(label);
        analyses.flush();
        candidates.refresh(analysis.candidateId());
        events.publishEvent(new Corrected("analysis:sentiment:correct", "item/" + itemId, Map.of("sentiment", label.name())));
    }

    @Transactional(readOnly = true)
    public long count() {
        return corrections.count();
    }
}

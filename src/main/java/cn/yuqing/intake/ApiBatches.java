package cn.yuqing.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * A batch pushed by a source through the API: each item read by the per-item rules
 * ({@link ApiItems}) and given its own result (created / duplicate / rejected with the reason), so
 * that a bad item never blocks the good ones; the source's health and the audit follow the batch.
 */
@Service
public class ApiBatches {

    public record ItemResult(int index, String status, Long itemId, String reason) {
    }

    public record BatchResponse(int received, long created, long duplicates, long rejected, List<ItemResult> results) {
    }

    private final ItemIntake intake;
    private final Sources sources;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ApiBatches(ItemIntake intake, Sources sources, ApplicationEventPublisher events, PlatformTransactionManager txManager) {
        this.intake = intake;
        this.sources = sources;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Items receive their own transactions; the audit entry of the batch follows in one of its own. */
    public BatchResponse receive(List<JsonNode> nodes, IntakeSource source) {
        List<ItemResult> results = new ArrayList<>();
        List<ItemSubmission> submissions = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                submissions.add(ApiItems.read(nodes.get(i), source.channelId()));
                positions.add(i);
            } catch (DomainRuleViolation e) {
                results.add(new ItemResult(i, "rejected", null, e.describe()));
            }
        }
        try {
            for (IntakeResult r : intake.receive(submissions, Provenance.source(source))) {
                results.add(new ItemResult(positions.get(r.index()), r.status().json(), r.itemId(), r.reason()));
            }
        } catch (RuntimeException e) {
            sources.failed(source.id(), "接口批次入库失败：" + e.getClass().getSimpleName());
            throw e;
        }
        results.sort(Comparator.comparingInt(ItemResult::index));
        long created = results.stream().filter(r -> r.status().equals("created")).count();
        long duplicates = results.stream().filter(r -> r.status().equals("duplicate")).count();
        sources.delivered(source.id(), (int) created);
        tx.executeWithoutResult(s -> events.publishEvent(IntakeAudited.of("intake:item:receive", "source/" + source.id(),
                Map.of("received", nodes.size(), "created", created, "duplicates", duplicates))));
        return new BatchResponse(nodes.size(), created, duplicates, nodes.size() - created - duplicates, results);
    }
}

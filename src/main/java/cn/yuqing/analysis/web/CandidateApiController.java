package cn.yuqing.analysis.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.analysis.CandidateFigures;
import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.EventCandidate;
import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.analysis.ItemAnalysis;
import cn.yuqing.analysis.WarningRules;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;

import static cn.yuqing.shared.JsonBody.id;

/**
 * The analyst's workbench as JSON, under the same permission and data scope as its pages, so that
 * a client can go from a posted item to its candidate (and on to an event through
 * {@code POST /api/events}) without a browser: {@code GET /api/candidates},
 * {@code GET /api/candidates/{id}}, {@code GET /api/items/{id}}, and the analyst's hand:
 * {@code POST /api/candidates/{id}/merge|move|split|dismiss}.
 */
@RestController
class CandidateApiController {

    private final Candidates candidates;
    private final Items items;
    private final Accounts accounts;
    private final ItemAnalyses analyses;

    CandidateApiController(Candidates candidates, Items items, Accounts accounts, ItemAnalyses analyses) {
        this.candidates = candidates;
        this.items = items;
        this.accounts = accounts;
        this.analyses = analyses;
    }

    record CandidateSummary(Long id, String title, String status, String level, String levelLabel, int items, int negative,
            String firstSeen, String lastSeen, String place) {

        static CandidateSummary of(EventCandidate c) {
            return new CandidateSummary(c.id(), c.title(), c.status().name(), c.level().name(), c.level().label(), c.itemCount(),
                    c.negativeCount(), String.valueOf(c.firstSeen()), String.valueOf(c.lastSeen()), c.topPlace());
        }
    }

    record Member(Long itemId, String headline, String sentiment, Long repliesTo, String discoveredAt) {
    }

    record CandidateView(CandidateSummary candidate, CandidateFigures figures, WarningRules.Suggestion suggestion,
            long memberCount, List<Member> newestMembers) {
    }

    /** One item with the machine's reading of it, in the reader's scope. */
    record ItemView(Long id, Long channelId, String title, String text, String url, String author, String discoveredAt,
            boolean urgent, Long repliesTo, Long candidateId, String sentiment, double sentimentScore, List<String> signals,
            String reasons, String keywords, Map<String, String> places, Map<String, String> units) {
    }

    @GetMapping("/api/items/{id}")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    ItemView item(@PathVariable Long id) {
        OpinionItem item = items.require(id, accounts.currentScope());
        ItemAnalysis a = analyses.find(id).orElse(null);
        return new ItemView(item.id(), item.channelId(), item.title(), item.body(), item.url(), item.author(),
                String.valueOf(item.discoveredAt()), item.urgent(), item.parentId(), a == null ? null : a.candidateId(),
                a == null ? null : a.sentiment().name(), a == null ? 0 : a.sentimentScore(),
                a == null ? List.of() : a.signalLabels(), a == null ? null : a.reasons(), a == null ? null : a.keywords(),
                a == null ? Map.of() : a.placePairs(), a == null ? Map.of() : a.unitPairs());
    }

    /** {@code {"into": id}}: this candidate's items join the other; answers the one they joined. */
    @PostMapping("/api/candidates/{id}/merge")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    CandidateSummary merge(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Long into = id(body, "into");
        candidates.merge(id, into, accounts.currentScope());
        return CandidateSummary.of(candidates.require(into, accounts.currentScope()));
    }

    /** {@code {"item": id, "into": id}}: one item moves to another candidate, and stays where the analyst put it. */
    @PostMapping("/api/candidates/{id}/move")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    CandidateSummary move(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Long item = id(body, "item");
        Long into = id(body, "into");
        candidates.require(id, accounts.currentScope());
        if (!candidates.holds(id, item)) {
            throw new DomainRuleViolation("信息#" + item + "不在候选事件#" + id + "中");
        }
        candidates.move(item, into, accounts.currentScope());
        return CandidateSummary.of(candidates.require(into, accounts.currentScope()));
    }

    /** {@code {"items": [id, …]}}: the chosen items leave for a candidate of their own, answered with 201. */
    @PostMapping("/api/candidates/{id}/split")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    ResponseEntity<CandidateSummary> split(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        if (!(body.get("items") instanceof List<?> chosen) || chosen.isEmpty()
                || !chosen.stream().allMatch(x -> x instanceof Number)) {
            throw new DomainRuleViolation("items 应为要拆分出去的信息编号（整数）列表");
        }
        EventCandidate fresh = candidates.split(id, chosen.stream().map(x -> ((Number) x).longValue()).toList(),
                accounts.currentScope());
        return ResponseEntity.status(201).body(CandidateSummary.of(fresh));
    }

    @PostMapping("/api/candidates/{id}/dismiss")
    @PreAuthorize("hasAuthority('analysis:candidate:edit')")
    CandidateSummary dismiss(@PathVariable Long id) {
        candidates.dismiss(id, accounts.currentScope());
        return CandidateSummary.of(candidates.require(id, accounts.currentScope()));
    }

    @GetMapping("/api/candidates")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    List<CandidateSummary> list() {
        return candidates.queue(accounts.currentScope(), 200).stream().map(CandidateSummary::of).toList();
    }

    @GetMapping("/api/candidates/{id}")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    CandidateView get(@PathVariable Long id) {
        DataScope scope = accounts.currentScope();
        EventCandidate candidate = candidates.require(id, scope);
        Candidates.Members members = candidates.newestItemsOf(id, CandidateController.MEMBERS_LISTED);
        Map<Long, OpinionItem> itemById = CandidateController.itemsOf(items, members);
        List<Member> newest = members.newest().stream().map(a -> {
            OpinionItem item = itemById.get(a.itemId());
            return new Member(a.itemId(), item.headline(), a.sentiment().name(), item.parentId(), String.valueOf(a.discoveredAt()));
        }).toList();
        return new CandidateView(CandidateSummary.of(candidate), candidates.figures(id), candidates.suggestion(candidate),
                members.total(), newest);
    }
}

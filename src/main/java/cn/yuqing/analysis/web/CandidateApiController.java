package cn.yuqing.analysis.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.analysis.CandidateFigures;
import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.EventCandidate;
import cn.yuqing.analysis.WarningRules;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;

/**
 * The analyst's workbench as JSON, under the same permission and data scope as its pages, so that
 * a client can go from a posted item to its candidate (and on to an event through
 * {@code POST /api/events}) without a browser: {@code GET /api/candidates},
 * {@code GET /api/candidates/{id}}.
 */
@RestController
class CandidateApiController {

    private final Candidates candidates;
    private final Items items;
    private final Accounts accounts;

    CandidateApiController(Candidates candidates, Items items, Accounts accounts) {
        this.candidates = candidates;
        this.items = items;
        this.accounts = accounts;
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

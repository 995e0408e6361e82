package cn.yuqing.review.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.review.CaseReview;
import cn.yuqing.review.CaseReviews;

/** The event's review (4.6) as JSON, for the portal or a leader's report tool (docs/api.md). */
@RestController
class CaseReviewApiController {

    record Moment(String at, String kind, String text, String actor) {
    }

    record Clock(String clock, String allowed, String dueAt, String outcome) {
    }

    record Duty(String key, String text) {
    }

    /** {@code score} null: the record cannot tell yet; {@code basis} says why. */
    record Dimension(String name, int limit, Double score, String basis, String rule) {
    }

    record Index(double total, String band, String bandLabel, long uncomputed, List<Dimension> dimensions) {
    }

    record ReviewView(Long eventId, String state, String clocks, String effect, int releases, int reassessments,
            List<Clock> deadlines, List<Moment> timeline, List<Duty> openDuties, String draft, String review, Index index) {
    }

    private final CaseReviews reviews;
    private final Accounts accounts;

    CaseReviewApiController(CaseReviews reviews, Accounts accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @GetMapping("/api/events/{id}/review")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    ReviewView get(@PathVariable Long id) {
        CaseReview r = reviews.of(id, accounts.currentScope());
        return new ReviewView(id, r.event().state().name(), r.clocks().summary(), r.effect().verdict(), r.published().size(),
                r.reassessments(),
                r.clocks().deadlines().stream().map(d -> new Clock(d.clock().name(), d.allowed(), d.dueAt().toString(),
                        r.clocks().outcomeAt(d, java.time.Instant.MIN).name())).toList(),
                r.timeline().stream().map(m -> new Moment(m.at().toString(), m.kind(), m.text(), m.actor())).toList(),
                r.duties().stream().map(d -> new Duty(d.key(), d.text())).toList(), r.draft(), r.event().review(),
                new Index(r.index().total(), r.index().band().name(), r.index().band().label(), r.index().uncomputed(),
                        r.index().dimensions().stream().map(d -> new Dimension(d.name(), d.limit(), d.score(), d.basis(), d.rule()))
                                .toList()));
    }
}

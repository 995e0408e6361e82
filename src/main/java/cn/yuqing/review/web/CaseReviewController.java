package cn.yuqing.review.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.review.CaseReviews;

/** The event's review page, where an event is closed (4.6). */
@Controller
class CaseReviewController {

    private final CaseReviews reviews;
    private final Accounts accounts;

    CaseReviewController(CaseReviews reviews, Accounts accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @GetMapping("/events/{id}/review")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String show(@PathVariable Long id, Model model) {
        model.addAttribute("review", reviews.of(id, accounts.currentScope()));
        return "review/case";
    }
}

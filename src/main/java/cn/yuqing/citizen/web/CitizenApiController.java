package cn.yuqing.citizen.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.citizen.CitizenReplies;
import cn.yuqing.citizen.CitizenReply;
import cn.yuqing.citizen.Survey;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.JsonBody;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * Replies and 回访 as JSON, under the pages' permissions. Contacts are masked in every answer: an
 * export is not where a citizen's number belongs. {@code POST /api/events/{id}/replies}
 * {@code {"orderId": 3, "itemId": 41, "channel": "SMS", "text": "…"}};
 * {@code POST /api/surveys/{id}/phone} {@code {"rating": "UNSATISFIED", "comment": "…"}}.
 */
@RestController
class CitizenApiController {

    private final CitizenReplies replies;
    private final Accounts accounts;

    CitizenApiController(CitizenReplies replies, Accounts accounts) {
        this.replies = replies;
        this.accounts = accounts;
    }

    record ReplyView(Long id, Long orderId, Long unitId, Long itemId, String channel, String contact, String text, String repliedAt,
            String repliedBy) {
        static ReplyView of(CitizenReply r) {
            return new ReplyView(r.id(), r.orderId(), r.unitId(), r.itemId(), r.channel().name(), r.contactMasked(), r.text(),
                    r.repliedAt().toString(), r.repliedBy());
        }
    }

    record SurveyView(Long id, Long replyId, Long orderId, Long unitId, int round, String expiresAt, String rating, String comment,
            String answeredAt, boolean byPhone) {
        static SurveyView of(Survey s) {
            return new SurveyView(s.id(), s.replyId(), s.orderId(), s.unitId(), s.round(), s.expiresAt().toString(),
                    s.rating() == null ? null : s.rating().name(), s.comment(), s.answeredAt() == null ? null : s.answeredAt().toString(),
                    s.byPhone());
        }
    }

    record Loop(List<ReplyView> replies, List<SurveyView> surveys) {
    }

    @GetMapping("/api/events/{id}/replies")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    Loop loop(@PathVariable Long id) {
        var scope = accounts.currentScope();
        return new Loop(replies.replies(id, scope).stream().map(ReplyView::of).toList(),
                replies.surveys(id, scope).stream().map(SurveyView::of).toList());
    }

    @PostMapping("/api/events/{id}/replies")
    @PreAuthorize("hasAuthority('citizen:reply:send')")
    ResponseEntity<ReplyView> reply(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        CitizenReply r = replies.reply(id, JsonBody.id(body, "orderId"), JsonBody.id(body, "itemId"),
                JsonBody.choice(body, "channel", CitizenReply.Channel.class, null), JsonBody.text(body, "text"),
                accounts.currentScope(), signedIn());
        return ResponseEntity.status(201).body(ReplyView.of(r));
    }

    @PostMapping("/api/surveys/{id}/phone")
    @PreAuthorize("hasAuthority('citizen:survey:record')")
    SurveyView recordByPhone(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        return SurveyView.of(replies.recordByPhone(id, JsonBody.choice(body, "rating", Survey.Rating.class, null),
                JsonBody.text(body, "comment"), accounts.currentScope(), signedIn()));
    }
}

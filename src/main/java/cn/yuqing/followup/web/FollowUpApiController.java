package cn.yuqing.followup.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.followup.FollowUps;
import cn.yuqing.followup.Guidance;
import cn.yuqing.followup.Reassessment;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.JsonBody;

import static cn.yuqing.organisation.Accounts.signedIn;
import static cn.yuqing.shared.JsonBody.text;

/** Follow-up (4.5) as JSON: the same rules, permissions and scope as the event page (docs/api.md). */
@RestController
class FollowUpApiController {

    record ReassessmentView(Long id, String assessedAt, String assessedBy, String grade, boolean emergency, boolean regraded,
            int items, int negative, double recentPerHour, double beforePerHour, String trend, String consequences, String note) {
        static ReassessmentView of(Reassessment r) {
            return new ReassessmentView(r.id(), r.assessedAt().toString(), r.assessedBy(), r.gradeCode(), r.emergency(), r.regraded(),
                    r.items(), r.negative(), r.recentPerHour(), r.beforePerHour(), r.trend().name(), r.consequences(), r.note());
        }
    }

    record GuidanceView(Long id, String kind, String source, String givenAt, String content, String channel, String recordedBy) {
        static GuidanceView of(Guidance g) {
            return new GuidanceView(g.id(), g.kind().name(), g.source(), g.givenAt().toString(), g.content(), g.channel(),
                    g.recordedBy());
        }
    }

    record FollowUpView(String spread, int recentItems, int beforeItems, int windowHours, int items, int negative,
            List<ReassessmentView> reassessments, List<GuidanceView> guidance) {
    }

    private final FollowUps followUps;
    private final Accounts accounts;

    FollowUpApiController(FollowUps followUps, Accounts accounts) {
        this.followUps = followUps;
        this.accounts = accounts;
    }

    @GetMapping("/api/events/{id}/follow-up")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    FollowUpView get(@PathVariable Long id) {
        DataScope scope = accounts.currentScope();
        FollowUps.Picture p = followUps.picture(id, scope);
        return new FollowUpView(p.spread().trend().name(), p.spread().recentItems(), p.spread().beforeItems(), p.spread().hours(),
                p.figures().items(), p.figures().negative(),
                followUps.reassessments(id, scope).stream().map(ReassessmentView::of).toList(),
                followUps.guidance(id, scope).stream().map(GuidanceView::of).toList());
    }

    /** {@code {"version": 3, "grade": "MAJOR", "emergency": true, "consequences": "…", "note": "…"}}. */
    @PostMapping("/api/events/{id}/follow-up/reassessments")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    ResponseEntity<ReassessmentView> reassess(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        if (!(body.get("version") instanceof Number version)) {
            throw new DomainRuleViolation("version 应为事件的当前版本号（整数）");
        }
        Reassessment r = followUps.reassess(id, version.longValue(), accounts.currentScope(), signedIn(), text(body, "grade"),
                Boolean.TRUE.equals(body.get("emergency")), text(body, "consequences"), text(body, "note"));
        return ResponseEntity.status(201).body(ReassessmentView.of(r));
    }

    /** {@code {"kind": "EXPERT_INTERPRETATION", "source": "…", "givenAt": "2027-07-12T06:10:00Z", "content": "…", "channel": "…"}}. */
    @PostMapping("/api/events/{id}/follow-up/guidance")
    @PreAuthorize("hasAuthority('followup:guidance:record')")
    ResponseEntity<GuidanceView> guidance(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Guidance.Kind kind = JsonBody.choice(body, "kind", Guidance.Kind.class, null);
        Instant givenAt;
        try {
            givenAt = Instant.parse(String.valueOf(body.get("givenAt")));
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("givenAt 应为 ISO-8601 时间，如 2027-07-12T06:10:00Z");
        }
        Guidance g = followUps.record(id, accounts.currentScope(), signedIn(), kind, text(body, "source"), givenAt, text(body, "content"),
                text(body, "channel"));
        return ResponseEntity.status(201).body(GuidanceView.of(g));
    }
}

package cn.yuqing.response.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Referral;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.JsonBody;

import static cn.yuqing.organisation.Accounts.signedIn;
import static cn.yuqing.shared.JsonBody.text;

/** Releases as JSON (HTTP Basic, the same permissions, data scope and rules as the pages; docs/api.md). */
@RestController
class ReleaseApiController {

    record Finding(String point, String passage, String verdict) {
    }

    /** A proofreading finding: {@code finding} is the key an override names; {@code passedBecause} its reason, if let pass. */
    record ProofreadingView(String finding, String kind, String kindLabel, String found, String context, String advice,
            String passedBecause, String passedBy) {
    }

    record ConcernsView(String main, List<String> concerns, List<String> uncovered, boolean workNews, boolean flagged) {
    }

    record ReleaseView(Long id, Long eventId, String kind, String title, String text, String channel, String speaker,
            boolean principalLeader, String status, String author, String reviewer, String signedOffBy, String publishedAt,
            long version, List<Finding> talkingPoints, ConcernsView concerns, List<ProofreadingView> proofreading) {

        static ReleaseView of(Release r, List<Finding> findings) {
            return of(r, findings, null, List.of());
        }

        static ReleaseView of(Release r, List<Finding> findings, ConcernsView concerns, List<ProofreadingView> proofreading) {
            return new ReleaseView(r.id(), r.eventId(), r.kind().name(), r.title(), r.text(), r.channel(), r.speaker(),
                    r.principalLeader(), r.status().name(), r.author(), r.reviewer(), r.signedOffBy(),
                    r.publishedAt() == null ? null : r.publishedAt().toString(), r.version(), findings, concerns, proofreading);
        }
    }

    private final Releases releases;
    private final Accounts accounts;

    ReleaseApiController(Releases releases, Accounts accounts) {
        this.releases = releases;
        this.accounts = accounts;
    }

    @GetMapping("/api/events/{id}/releases")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<ReleaseView> list(@PathVariable Long id) {
        return releases.of(id, accounts.currentScope()).stream().map(r -> ReleaseView.of(r, List.of())).toList();
    }

    @GetMapping("/api/releases/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    ReleaseView get(@PathVariable Long id) {
        return reviewedView(id);
    }

    private ReleaseView reviewedView(Long id) {
        Releases.Reviewed reviewed = releases.read(id, accounts.currentScope());
        var c = reviewed.concerns();
        return ReleaseView.of(reviewed.release(), reviewed.findings().stream()
                        .map(f -> new Finding(f.point(), f.passage(), f.kind().name())).toList(),
                new ConcernsView(c.main(), c.concerns(), c.uncovered(), c.workNews(), c.flagged()),
                reviewed.proofreading().stream().map(f -> {
                    var passed = reviewed.overrides().get(f.key());
                    return new ProofreadingView(f.key(), f.kind().name(), f.kind().label(), f.found(), f.context(), f.advice(),
                            passed == null ? null : passed.reason(), passed == null ? null : passed.byUsername());
                }).toList());
    }

    record ReferralView(Long id, Long eventId, Long itemId, String recipient, String recipientLabel, String handedOver,
            String receipt, String referredBy, String referredAt) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.id(), r.eventId(), r.itemId(), r.recipient().name(), r.recipient().label(), r.handedOver(),
                    r.receipt(), r.referredBy(), r.referredAtText());
        }
    }

    @GetMapping("/api/events/{id}/referrals")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<ReferralView> referrals(@PathVariable Long id) {
        return releases.referrals(id, accounts.currentScope()).stream().map(ReferralView::of).toList();
    }

    /**
     * 4.4: {@code {"recipient": "POLICE" | "CYBERSPACE", "handedOver": "…", "receipt": "…", "itemId": …}};
     * {@code itemId} names the rumour item inside an event that is true as a whole.
     */
    @PostMapping("/api/events/{id}/referrals")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    ResponseEntity<ReferralView> refer(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        Referral r = releases.refer(id, accounts.currentScope(), signedIn(),
                JsonBody.choice(body, "recipient", Referral.Recipient.class, null), text(body, "handedOver"),
                text(body, "receipt"), JsonBody.optionalId(body, "itemId"));
        return ResponseEntity.status(201).body(ReferralView.of(r));
    }

    /** {@code {"kind": "AUTHORITATIVE_STATEMENT", "firstDraft": true}}, or kind, title, text, channel, speaker, principalLeader. */
    @PostMapping("/api/events/{id}/releases")
    @PreAuthorize("hasAuthority('response:release:draft')")
    ResponseEntity<ReleaseView> draft(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        ReleaseKind kind = JsonBody.choice(body, "kind", ReleaseKind.class, ReleaseKind.AUTHORITATIVE_STATEMENT);
        Release r = Boolean.TRUE.equals(body.get("firstDraft"))
                ? releases.firstDraft(id, accounts.currentScope(), signedIn(), kind)
                : releases.draft(id, accounts.currentScope(), signedIn(), kind, text(body, "title"), text(body, "text"),
                        text(body, "channel"), text(body, "speaker"), Boolean.TRUE.equals(body.get("principalLeader")));
        return ResponseEntity.status(201).body(ReleaseView.of(r, List.of()));
    }

    /**
     * {@code proofreading-pass}: {@code {"finding": "<key from proofreading[].finding>", "reason": "…"}} lets one
     * proofreading finding pass, with the reason on record.
     */
    @PostMapping("/api/releases/{id}/proofreading-pass")
    @PreAuthorize("hasAuthority('response:release:review')")
    ReleaseView letPass(@PathVariable Long id, @RequestBody Map<String, Object> body) {
        releases.letPass(id, accounts.currentScope(), signedIn(), text(body, "finding"), text(body, "reason"));
        return reviewedView(id);
    }

    /** {@code review} (with an optional {@code note}), {@code sign-off} or {@code publish}; {@code version} as last read. */
    @PostMapping("/api/releases/{id}/{action}")
    @PreAuthorize("hasAuthority('response:release:draft') or hasAuthority('response:release:review')")
    ReleaseView act(@PathVariable Long id, @PathVariable String action, @RequestBody Map<String, Object> body) {
        if (!(body.get("version") instanceof Number version)) {
            throw new DomainRuleViolation("version 应为回应稿的当前版本号（整数）");
        }
        SignedInPerson me = signedIn();
        Release r = switch (action) {
            case "review" -> requiring("response:release:review", me,
                    () -> releases.review(id, version.longValue(), accounts.currentScope(), me, text(body, "note")));
            case "sign-off" -> requiring("response:release:review", me,
                    () -> releases.signOff(id, version.longValue(), accounts.currentScope(), me));
            case "publish" -> requiring("response:release:draft", me,
                    () -> releases.publish(id, version.longValue(), accounts.currentScope(), me));
            default -> throw new DomainRuleViolation("未知的操作：" + (action.length() > 30 ? action.substring(0, 30) : action));
        };
        return ReleaseView.of(r, List.of());
    }

    private static Release requiring(String permission, SignedInPerson me, java.util.function.Supplier<Release> action) {
        if (!me.can(permission)) {
            throw new org.springframework.security.access.AccessDeniedException(permission);
        }
        return action.get();
    }
}

package cn.yuqing.response.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.response.Referral;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Releases on the event's page, and one release's page for its review, sign-off and publication. */
@Controller
class ReleaseController {

    private final Releases releases;
    private final OpinionEvents opinions;
    private final Accounts accounts;

    ReleaseController(Releases releases, OpinionEvents opinions, Accounts accounts) {
        this.releases = releases;
        this.opinions = opinions;
        this.accounts = accounts;
    }

    @GetMapping("/events/{id}/releases")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String panel(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("event", opinions.event(id, scope));
        model.addAttribute("releases", releases.of(id, scope));
        model.addAttribute("referrals", releases.referrals(id, scope));
        model.addAttribute("kinds", ReleaseKind.values());
        model.addAttribute("recipients", Referral.Recipient.values());
        model.addAttribute("conferences", releases.conferences(id, scope));
        return "response/panel :: panel";
    }

    @PostMapping("/events/{id}/releases/first-draft")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String firstDraft(@PathVariable Long id, @RequestParam(required = false) ReleaseKind kind, RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已按模板生成初稿，请核对修改后提交审核", "redirect:/events/" + id, () -> {
            Release r = releases.firstDraft(id, accounts.currentScope(), signedIn(),
                    kind == null ? ReleaseKind.AUTHORITATIVE_STATEMENT : kind);
            return "redirect:/releases/" + r.id();
        });
    }

    @PostMapping("/events/{id}/releases")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String draft(@PathVariable Long id, @RequestParam(required = false) ReleaseKind kind,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String speaker,
            @RequestParam(defaultValue = "false") boolean principalLeader, RedirectAttributes redirect) {
        return Flash.attempt(redirect, null, "redirect:/events/" + id, () -> {
            Release r = releases.draft(id, accounts.currentScope(), signedIn(), kind, title, text, channel, speaker, principalLeader);
            return "redirect:/releases/" + r.id();
        });
    }

    @GetMapping("/releases/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String show(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        Releases.Reviewed reviewed = releases.read(id, scope);
        var event = opinions.event(reviewed.release().eventId(), scope);
        model.addAttribute("reviewed", reviewed);
        model.addAttribute("release", reviewed.release());
        model.addAttribute("event", event);
        model.addAttribute("majorOrAbove", opinions.majorOrAbove(event));
        model.addAttribute("kinds", ReleaseKind.values());
        model.addAttribute("maySignOff", releases.maySignOff(event, signedIn().personId()));
        model.addAttribute("attachments", releases.attachments(id, scope));
        return "response/release";
    }

    @PostMapping("/releases/{id}/revise")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String revise(@PathVariable Long id, @RequestParam long version, @RequestParam(required = false) ReleaseKind kind,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String speaker,
            @RequestParam(defaultValue = "false") boolean principalLeader, RedirectAttributes redirect) {
        return act(id, redirect, "已保存", () -> releases.revise(id, version, accounts.currentScope(), signedIn(), kind, title, text,
                channel, speaker, principalLeader));
    }

    @PostMapping("/releases/{id}/review")
    @PreAuthorize("hasAuthority('response:release:review')")
    String review(@PathVariable Long id, @RequestParam long version, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "已审核，待签发", () -> releases.review(id, version, accounts.currentScope(), signedIn(), note));
    }

    @PostMapping("/releases/{id}/sign-off")
    @PreAuthorize("hasAuthority('response:release:review')")
    String signOff(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "已签发，可以发布", () -> releases.signOff(id, version, accounts.currentScope(), signedIn()));
    }

    /** A proofreading finding let pass, with the reason. */
    @PostMapping("/releases/{id}/proofreading/pass")
    @PreAuthorize("hasAuthority('response:release:review')")
    String letPass(@PathVariable Long id, @RequestParam(defaultValue = "") String finding,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已说明理由并放行这条校对意见",
                () -> releases.letPass(id, accounts.currentScope(), signedIn(), finding, reason));
    }

    @PostMapping("/releases/{id}/publish")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String publish(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "已发布；相应的回应时限已完成", () -> releases.publish(id, version, accounts.currentScope(), signedIn()));
    }

    private String act(Long id, RedirectAttributes redirect, String done, Runnable action) {
        cn.yuqing.shared.Flash.attempt(redirect, done, action);
        return "redirect:/releases/" + id;
    }

    @PostMapping("/releases/{id}/attachments")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String attach(@PathVariable Long id, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) {
        return act(id, redirect, "已添加附件", () -> {
            if (file == null || file.isEmpty()) {
                throw new DomainRuleViolation("4.4", "请选择要添加的文件");
            }
            try {
                releases.attach(id, accounts.currentScope(), signedIn(), file.getOriginalFilename(), file.getBytes());
            } catch (java.io.IOException e) {
                throw new DomainRuleViolation("4.4", "文件上传不完整，请重试");
            }
        });
    }

    @PostMapping("/release-attachments/{attachmentId}/delete")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String detach(@PathVariable Long attachmentId, @RequestParam Long releaseId, RedirectAttributes redirect) {
        return act(releaseId, redirect, "已删除附件", () -> releases.detach(attachmentId, accounts.currentScope()));
    }

    @GetMapping("/release-attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> attachment(@PathVariable Long attachmentId) {
        var found = releases.attachment(attachmentId, accounts.currentScope());
        return cn.yuqing.shared.FileStore.serve(found.getValue(), found.getKey().fileName(), found.getKey().contentType());
    }

    @PostMapping("/events/{id}/press-conferences")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String schedule(@PathVariable Long id, @RequestParam(defaultValue = "") String scheduledAt,
            @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String speakers,
            @RequestParam(defaultValue = "false") boolean principalLeader, @RequestParam(defaultValue = "") String questions,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已安排新闻发布会", () -> {
            java.time.Instant at = cn.yuqing.shared.Times.parseLocal(scheduledAt)
                    .orElseThrow(() -> new DomainRuleViolation("4.4", "请填写举行时间"));
            releases.schedule(id, accounts.currentScope(), signedIn(), at, place, speakers, principalLeader, questions);
        });
        return "redirect:/events/" + id;
    }

    @PostMapping("/press-conferences/{id}/held")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String held(@PathVariable Long id, @RequestParam(defaultValue = "") String record, @RequestParam Long eventId,
            RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已登记举行情况，并据此生成新闻发布会回应稿，请审核、签发后确认发布", "redirect:/events/" + eventId,
                () -> {
                    var p = releases.held(id, accounts.currentScope(), signedIn(), record);
                    return "redirect:/releases/" + p.releaseId();
                });
    }

    @PostMapping("/events/{id}/referrals")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String refer(@PathVariable Long id, @RequestParam(required = false) Referral.Recipient recipient,
            @RequestParam(defaultValue = "") String handedOver, @RequestParam(defaultValue = "") String receipt,
            @RequestParam(required = false) Long itemId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已登记移交", () ->
                releases.refer(id, accounts.currentScope(), signedIn(), recipient, handedOver, receipt, itemId));
        return "redirect:/events/" + id;
    }
}

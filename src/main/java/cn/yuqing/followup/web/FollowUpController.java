package cn.yuqing.followup.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.followup.FollowUps;
import cn.yuqing.followup.Guidance;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.Flash;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Follow-up on the event's page (re-assessments, guidance, the trend chart) and the list of what is due. */
@Controller
class FollowUpController {

    private final FollowUps followUps;
    private final OpinionEvents opinions;
    private final Accounts accounts;
    private final Clock clock;

    FollowUpController(FollowUps followUps, OpinionEvents opinions, Accounts accounts, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
        this.opinions = opinions;
        this.accounts = accounts;
    }

    @GetMapping("/follow-up")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String due(Model model) {
        model.addAttribute("due", followUps.due(accounts.currentScope()));
        model.addAttribute("grades", opinions.grades());
        return "followup/due";
    }

    @GetMapping("/events/{id}/follow-up")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String panel(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("picture", followUps.picture(id, scope));
        model.addAttribute("reassessments", newestFirst(followUps.reassessments(id, scope)));
        model.addAttribute("guidance", newestFirst(followUps.guidance(id, scope)));
        model.addAttribute("grades", opinions.grades());
        model.addAttribute("kinds", Guidance.Kind.values());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(Times.ZONE)).withSecond(0).withNano(0));
        return "followup/panel :: panel";
    }

    /** The chart's data, read by charts.js with the page's session (the /api chain takes Basic only). */
    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> list = new ArrayList<>(oldestFirst);
        Collections.reverse(list);
        return list;
    }

    @GetMapping("/events/{id}/follow-up/trend")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    @ResponseBody
    FollowUps.Trend trend(@PathVariable Long id) {
        return followUps.trend(id, accounts.currentScope());
    }

    @PostMapping("/events/{id}/follow-up/reassessments")
    @PreAuthorize("hasAuthority('opinion:event:edit')")
    String reassess(@PathVariable Long id, @RequestParam long version, @RequestParam(defaultValue = "") String grade,
            @RequestParam(defaultValue = "false") boolean emergency, @RequestParam(defaultValue = "") String consequences,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Flash.attempt(redirect, () -> {
            var r = followUps.reassess(id, version, accounts.currentScope(), signedIn(), grade, emergency, consequences, note);
            return r.regraded() ? "已保存研判复核，等级已调整，回应时限按新等级重新计算" : "已保存研判复核";
        });
        return "redirect:/events/" + id + "#follow-up";
    }

    @PostMapping("/events/{id}/follow-up/guidance")
    @PreAuthorize("hasAuthority('followup:guidance:record')")
    String guidance(@PathVariable Long id, @RequestParam(required = false) Guidance.Kind kind,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String givenAt,
            @RequestParam(defaultValue = "") String content, @RequestParam(defaultValue = "") String channel,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已记录", () -> followUps.record(id, accounts.currentScope(), signedIn(), kind, source,
                Times.parseLocal(givenAt).orElse(null), content, channel));
        return "redirect:/events/" + id + "#follow-up";
    }
}

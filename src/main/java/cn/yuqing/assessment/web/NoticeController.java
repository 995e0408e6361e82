package cn.yuqing.assessment.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.assessment.Notice;
import cn.yuqing.assessment.NoticeDocument;
import cn.yuqing.assessment.Notices;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.GovernmentDocument;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Periodic notices (通报, 4.6): drafted from the scorecards, edited, issued, kept, downloaded as Word. */
@Controller
class NoticeController {


    private final Notices notices;
    private final Accounts accounts;
    private final java.time.Clock clock;

    NoticeController(Notices notices, Accounts accounts, java.time.Clock clock) {
        this.notices = notices;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/assessment/notices")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    String list(Model model) {
        model.addAttribute("notices", notices.list(signedIn()));
        model.addAttribute("lastMonth", PeriodParameter.lastMonth(clock).code());
        return "assessment/notices";
    }

    @PostMapping("/assessment/notices")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String draft(@RequestParam(defaultValue = "") String period, RedirectAttributes redirect) {
        return Flash.attempt(redirect, "已按考核记分生成通报草稿，请核对修改后印发", "redirect:/assessment/notices", () -> {
            Notice n = notices.draft(period, accounts.currentScope(), signedIn());
            return "redirect:/assessment/notices/" + n.id();
        });
    }

    @GetMapping("/assessment/notices/{id}")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    String show(@PathVariable Long id, Model model) {
        Notice n = notices.require(id, signedIn());
        model.addAttribute("n", n);
        model.addAttribute("rows", notices.rows(n, accounts.currentScope()));
        model.addAttribute("header", NoticeDocument.HEADER);
        return "assessment/notice";
    }

    @PostMapping("/assessment/notices/{id}")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String revise(@PathVariable Long id, @RequestParam long version, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String praise, @RequestParam(defaultValue = "") String criticism,
            @RequestParam(defaultValue = "") String closing, RedirectAttributes redirect) {
        return act(id, redirect, "已保存", () -> notices.revise(id, version, signedIn(), title, praise, criticism, closing));
    }

    @PostMapping("/assessment/notices/{id}/issue")
    @PreAuthorize("hasAuthority('assessment:notice:edit')")
    String issue(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "已印发，内容和数字不再改变", () -> notices.issue(id, version, accounts.currentScope(), signedIn()));
    }

    private String act(Long id, RedirectAttributes redirect, String done, Runnable action) {
        Flash.attempt(redirect, done, action);
        return "redirect:/assessment/notices/" + id;
    }

    @GetMapping("/assessment/notices/{id}/document")
    @PreAuthorize("hasAuthority('assessment:scorecard:view')")
    ResponseEntity<byte[]> document(@PathVariable Long id) {
        Notice n = notices.require(id, signedIn());
        byte[] docx = notices.document(id, accounts.currentScope(), signedIn());
        return ResponseEntity.ok().contentType(GovernmentDocument.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(n.title() + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(docx);
    }
}

package cn.yuqing.response.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.opinion.MatterKind;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.response.ProofreadingTerm;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.Flash;

/** The response templates and the proofreading lists, in the government office's hands. */
@Controller
class TemplateController {

    private final Releases releases;

    TemplateController(Releases releases) {
        this.releases = releases;
    }

    @GetMapping("/responses/templates")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String list(Model model) {
        model.addAttribute("templates", releases.templates());
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (MatterKind k : MatterKind.values()) {
            labels.put(k.name(), k.label());
        }
        model.addAttribute("matterLabels", labels);
        return "response/templates";
    }

    @GetMapping("/responses/proofreading")
    @PreAuthorize("hasAuthority('response:release:draft')")
    String proofreading(Model model) {
        model.addAttribute("terms", releases.proofreadingTerms());
        model.addAttribute("kinds", ProofreadingTerm.Kind.values());
        return "response/proofreading";
    }

    @PostMapping("/responses/proofreading")
    @PreAuthorize("hasAuthority('response:proofreading:edit')")
    String addTerm(@RequestParam(required = false) ProofreadingTerm.Kind kind, @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已加入校对名单", () -> releases.addProofreadingTerm(Accounts.signedIn(), kind, term, note));
        return "redirect:/responses/proofreading";
    }

    @PostMapping("/responses/proofreading/{id}/delete")
    @PreAuthorize("hasAuthority('response:proofreading:edit')")
    String removeTerm(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已从校对名单中删除", () -> releases.removeProofreadingTerm(Accounts.signedIn(), id));
        return "redirect:/responses/proofreading";
    }

    @PostMapping("/responses/templates/{id}")
    @PreAuthorize("hasAuthority('response:template:edit')")
    String change(@PathVariable Long id, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "模板已保存", () -> releases.changeTemplate(id, title, body));
        return "redirect:/responses/templates";
    }
}

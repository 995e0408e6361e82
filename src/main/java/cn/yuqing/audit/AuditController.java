package cn.yuqing.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String log(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "100") int limit, Model model) {
        model.addAttribute("entries", trail.recent(limit, subject.strip()));
        model.addAttribute("subject", subject);
        model.addAttribute("total", trail.count());
        return "audit/log";
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit:chain:verify')")
    String verifyPage(Model model) {
        model.addAttribute("result", trail.verify());
        return "audit/verify";
    }

    /** For an inspector's script: {@code curl -u … /api/audit/verify}; 200 either way, the body says. */
    @GetMapping(value = "/api/audit/verify", produces = "application/json")
    @PreAuthorize("hasAuthority('audit:chain:verify')")
    @ResponseBody
    ChainVerification verify() {
        return trail.verify();
    }
}

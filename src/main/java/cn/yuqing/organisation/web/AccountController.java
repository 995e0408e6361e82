package cn.yuqing.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;

import static cn.yuqing.organisation.Accounts.signedIn;

/** A person's own password. */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String form() {
        return "account/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String proposed,
            @RequestParam(defaultValue = "") String repeated, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        SignedInPerson me = signedIn();
        try {
            accounts.changeOwnPassword(me.getUsername(), current, proposed, repeated);
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return "account/password";
        }
        // the session's principal still says "must change"
        FreshPrincipal.replace(accounts, me.getUsername(), request, response);
        redirect.addFlashAttribute("notice", "密码已修改");
        return "redirect:/";
    }
}

package cn.yuqing.organisation.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Role;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

/** People and their accounts; every read and write is limited to the reader's data scope. */
@Controller
class PersonController {

    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final Clock clock;

    PersonController(OrganisationDirectory directory, Accounts accounts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/organisation/people")
    @PreAuthorize("hasAuthority('organisation:person:view')")
    String list(Model model) {
        model.addAttribute("people", directory.peopleIn(accounts.currentScope()));
        model.addAttribute("now", clock.instant());
        return "organisation/people";
    }

    @GetMapping("/organisation/people/new")
    @PreAuthorize("hasAuthority('organisation:person:edit')")
    String newPerson(Model model) {
        return form(new PersonForm(), null, model);
    }

    @PostMapping("/organisation/people")
    @PreAuthorize("hasAuthority('organisation:person:edit')")
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("error", "表单内容格式不正确，请检查后重新提交");
            return form(form, null, model);
        }
        try {
            Accounts.NewAccount account = accounts.createPerson(form.getUsername(), form.toData());
            model.addAttribute("person", account.person());
            model.addAttribute("oneTimePassword", account.oneTimePassword());
            return "organisation/one-time-password";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(form, null, model);
        }
    }

    @GetMapping("/organisation/people/{id}")
    @PreAuthorize("hasAuthority('organisation:person:view')")
    String show(@PathVariable Long id, Model model) {
        Person person = directory.requirePerson(id, accounts.currentScope());
        return form(PersonForm.of(person), person, model);
    }

    @PostMapping("/organisation/people/{id}")
    @PreAuthorize("hasAuthority('organisation:person:edit')")
    String update(@PathVariable Long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Person person = directory.requirePerson(id, accounts.currentScope());
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("error", "表单内容格式不正确，请检查后重新提交");
            return form(form, person, model);
        }
        try {
            accounts.updatePerson(id, form.getVersion(), form.toData());
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            form.setUsername(person.username());
            return form(form, person, model);
        }
        redirect.addFlashAttribute("notice", "已保存");
        return "redirect:/organisation/people/" + id;
    }

    /** 三员分立: the security administrator's own form, the only one that grants or withdraws an administrator's role. */
    @PostMapping("/organisation/people/{id}/roles")
    @PreAuthorize("hasAuthority('organisation:role:assign')")
    String assignRoles(@PathVariable Long id, @RequestParam long version,
            @RequestParam(name = "roles", required = false) java.util.Set<Role> roles, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已调整角色", () -> accounts.assignRoles(id, version, roles == null ? java.util.Set.of() : roles));
        return "redirect:/organisation/people/" + id;
    }

    @PostMapping("/organisation/people/{id}/password")
    @PreAuthorize("hasAuthority('organisation:person:edit') or hasAuthority('organisation:role:assign')")
    String resetPassword(@PathVariable Long id, Model model, RedirectAttributes redirect) {
        Person person = directory.requirePerson(id, accounts.currentScope());
        return Flash.attempt(redirect, null, "redirect:/organisation/people/" + id, () -> {
            model.addAttribute("oneTimePassword", accounts.resetPassword(id));
            model.addAttribute("person", person);
            return "organisation/one-time-password";
        });
    }

    @PostMapping("/organisation/people/{id}/unlock")
    @PreAuthorize("hasAuthority('organisation:person:edit') or hasAuthority('organisation:role:assign')")
    String unlock(@PathVariable Long id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已解除锁定", () -> accounts.unlock(id));
        return "redirect:/organisation/people/" + id;
    }

    private String form(PersonForm form, Person person, Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(r -> !Role.THREE_ADMINISTRATORS.contains(r)).toList());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("units", directory.allUnits().stream().filter(u -> scope.covers(u.id())).toList());
        model.addAttribute("locked", person != null && person.isLockedAt(clock.instant()));
        return "organisation/person";
    }
}

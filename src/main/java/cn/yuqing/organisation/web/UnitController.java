package cn.yuqing.organisation.web;

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

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.OrganisationManagement;
import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitKind;
import cn.yuqing.shared.DomainRuleViolation;

@Controller
class UnitController {

    private final OrganisationDirectory directory;
    private final OrganisationManagement management;

    UnitController(OrganisationDirectory directory, OrganisationManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping("/organisation/units")
    @PreAuthorize("hasAuthority('organisation:directory:view')")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("units", directory.searchUnits(q));
        model.addAttribute("q", q);
        return "organisation/units";
    }

    @GetMapping("/organisation/units/new")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String newUnit(@RequestParam(required = false) String region, Model model) {
        UnitForm form = new UnitForm();
        form.setRegionCode(region);
        return form(form, null, model);
    }

    @PostMapping("/organisation/units")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("error", "表单内容格式不正确，请检查后重新提交");
            return form(form, null, model);
        }
        try {
            Unit unit = management.createUnit(form.toData());
            redirect.addFlashAttribute("notice", "已添加单位：" + unit.name());
            return "redirect:/organisation/units/" + unit.id();
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(form, null, model);
        }
    }

    @GetMapping("/organisation/units/{id}")
    @PreAuthorize("hasAuthority('organisation:directory:view')")
    String show(@PathVariable Long id, Model model) {
        Unit unit = directory.requireUnit(id);
        return form(UnitForm.of(unit), unit, model);
    }

    @PostMapping("/organisation/units/{id}")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String update(@PathVariable Long id, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Unit unit = directory.requireUnit(id);
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("error", "表单内容格式不正确，请检查后重新提交");
            return form(form, unit, model);
        }
        try {
            management.updateUnit(id, form.getVersion(), form.toData());
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/organisation/units/" + id;
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(form, unit, model);
        }
    }

    private String form(UnitForm form, Unit unit, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("categories", directory.categories());
        model.addAttribute("allUnits", directory.allUnits());
        model.addAttribute("region", directory.region(form.getRegionCode()).orElse(null));
        return "organisation/unit";
    }

    @GetMapping("/organisation/categories")
    @PreAuthorize("hasAuthority('organisation:directory:view')")
    String categories(Model model) {
        model.addAttribute("categories", directory.categories());
        return "organisation/categories";
    }

    @PostMapping("/organisation/categories")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String addCategory(@RequestParam String code, @RequestParam String name, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            management.addCategory(code.strip(), name);
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            model.addAttribute("code", code);
            model.addAttribute("name", name);
            return categories(model);
        }
        redirect.addFlashAttribute("notice", "已添加事项类别：" + name.strip());
        return "redirect:/organisation/categories";
    }
}

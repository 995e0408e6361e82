package cn.yuqing.organisation.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.organisation.DivisionImport;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.OrganisationManagement;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.RegionLevel;
import cn.yuqing.shared.DomainRuleViolation;

@Controller
class RegionController {

    private final OrganisationDirectory directory;
    private final OrganisationManagement management;

    RegionController(OrganisationDirectory directory, OrganisationManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping("/organisation")
    @PreAuthorize("hasAuthority('organisation:directory:view')")
    String overview(Model model) {
        model.addAttribute("roots", directory.rootRegions());
        model.addAttribute("levels", RegionLevel.values());
        return "organisation/overview";
    }

    @GetMapping("/organisation/regions/{code}")
    @PreAuthorize("hasAuthority('organisation:directory:view')")
    String region(@PathVariable String code, Model model) {
        Region region = directory.requireRegion(code);
        model.addAttribute("region", region);
        model.addAttribute("path", directory.pathTo(region));
        model.addAttribute("children", directory.childrenOf(code));
        model.addAttribute("units", directory.unitsIn(code));
        model.addAttribute("childLevel", region.level().below());
        return "organisation/region";
    }

    @PostMapping("/organisation/regions/{code}/children")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String addChild(@PathVariable String code, @RequestParam String childCode, @RequestParam String name, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Region parent = directory.requireRegion(code);
        try {
            management.addRegion(childCode.strip(), name, parent.level().below(), code);
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            model.addAttribute("childCode", childCode);
            model.addAttribute("childName", name);
            return region(code, model);
        }
        redirect.addFlashAttribute("notice", "已添加下级区划：" + name.strip());
        return "redirect:/organisation/regions/" + code;
    }

    @PostMapping("/organisation/regions/{code}/name")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String rename(@PathVariable String code, @RequestParam String name, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            management.renameRegion(code, name);
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return region(code, model);
        }
        redirect.addFlashAttribute("notice", "已更名");
        return "redirect:/organisation/regions/" + code;
    }

    @GetMapping("/organisation/regions/import")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String importForm() {
        return "organisation/import";
    }

    @PostMapping("/organisation/regions/import")
    @PreAuthorize("hasAuthority('organisation:directory:edit')")
    String importFile(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
            HttpServletResponse response) throws IOException {
        try (InputStream in = file.getInputStream()) {
            DivisionImport.Result result = management.importDivisions(DivisionImport.parse(in));
            redirect.addFlashAttribute("notice", "已读取 " + result.rows() + " 行，新增区划 " + result.created() + " 个；已有的区划未改动。");
            return "redirect:/organisation";
        } catch (DivisionImport.Rejected e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errors", e.errors().stream().limit(200).toList());
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
        }
        return "organisation/import";
    }
}

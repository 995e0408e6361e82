package cn.yuqing.intake.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ImportJob;
import cn.yuqing.intake.Imports;
import cn.yuqing.intake.SourceKind;
import cn.yuqing.intake.Sources;
import cn.yuqing.intake.Table;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Upload → map columns → progress → row-by-row report. */
@Controller
class ImportController {

    private final Imports imports;
    private final Sources sources;
    private final Channels channels;
    private final Accounts accounts;

    ImportController(Imports imports, Sources sources, Channels channels, Accounts accounts) {
        this.imports = imports;
        this.sources = sources;
        this.channels = channels;
        this.accounts = accounts;
    }

    @GetMapping("/intake/imports/new")
    @PreAuthorize("hasAuthority('intake:import:run')")
    String form(Model model) {
        model.addAttribute("sources", sources.visible(channels.visible(accounts.currentScope())).stream()
                .filter(s -> s.kind() == SourceKind.IMPORT && s.active()).toList());
        return "intake/import-new";
    }

    @PostMapping("/intake/imports")
    @PreAuthorize("hasAuthority('intake:import:run')")
    String upload(@RequestParam(required = false) Long sourceId, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, HttpServletResponse response) throws IOException {
        try {
            if (sourceId == null) {
                throw new DomainRuleViolation("请选择导入来源");
            }
            if (file == null || file.isEmpty()) {
                throw new DomainRuleViolation("请选择要导入的文件");
            }
            ImportJob job = imports.upload(sourceId, accounts.currentScope(), signedIn(), file.getOriginalFilename(),
                    file.getBytes());
            return "redirect:/intake/imports/" + job.id();
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(model);
        }
    }

    @GetMapping("/intake/imports/{id}")
    @PreAuthorize("hasAuthority('intake:import:run')")
    String show(@PathVariable Long id, Model model) {
        ImportJob job = imports.require(id, accounts.currentScope());
        model.addAttribute("job", job);
        if (job.status() == ImportJob.Status.MAPPING) {
            Table table = imports.table(job);
            model.addAttribute("header", table.header());
            model.addAttribute("preview", table.rows().stream().limit(5).toList());
            model.addAttribute("fields", ImportJob.Field.values());
            Map<String, Integer> suggestion = new java.util.HashMap<>();
            Imports.suggest(table.header()).forEach((field, column) -> suggestion.put(field.name(), column));
            model.addAttribute("suggestion", suggestion);
        }
        return "intake/import";
    }

    @GetMapping("/intake/imports/{id}/progress")
    @PreAuthorize("hasAuthority('intake:import:run')")
    String progress(@PathVariable Long id, Model model) {
        model.addAttribute("job", imports.require(id, accounts.currentScope()));
        return "intake/import :: progress";
    }

    @PostMapping("/intake/imports/{id}/start")
    @PreAuthorize("hasAuthority('intake:import:run')")
    String start(@PathVariable Long id, HttpServletRequest request, Model model, HttpServletResponse response) {
        DataScope scope = accounts.currentScope();
        Map<ImportJob.Field, Integer> columns = new EnumMap<>(ImportJob.Field.class);
        try {
            for (ImportJob.Field field : ImportJob.Field.values()) {
                String value = request.getParameter("column_" + field.name());
                if (value != null && !value.isBlank()) {
                    columns.put(field, Integer.parseInt(value));
                }
            }
            imports.start(id, scope, columns);
            return "redirect:/intake/imports/" + id;
        } catch (NumberFormatException e) {
            response.setStatus(400);
            model.addAttribute("error", "列的序号不正确");
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
        }
        return show(id, model);
    }
}

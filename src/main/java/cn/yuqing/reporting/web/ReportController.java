package cn.yuqing.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.reporting.Report;
import cn.yuqing.reporting.ReportFiles;
import cn.yuqing.reporting.Reports;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.GovernmentDocument;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

/** 舆情日报, 周报 and 专报 as Word documents, their figures as spreadsheets. */
@Controller
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;
    private final OpinionEvents opinions;
    private final Accounts accounts;
    private final java.time.Clock clock;

    ReportController(Reports reports, OpinionEvents opinions, Accounts accounts, java.time.Clock clock) {
        this.reports = reports;
        this.opinions = opinions;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String page(Model model) {
        model.addAttribute("today", LocalDate.now(clock.withZone(Times.ZONE)));
        model.addAttribute("events", opinions.events(accounts.currentScope()).stream()
                .filter(e -> Boolean.TRUE.equals(e.keyResponse()) || e.state() == EventState.CLOSED).toList());
        return "reporting/reports";
    }

    @GetMapping("/reports/daily")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    ResponseEntity<byte[]> daily(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "docx") String format) {
        return file(format, () -> reports.daily(day(day), accounts.currentScope(), signedIn()));
    }

    @GetMapping("/reports/weekly")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    ResponseEntity<byte[]> weekly(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "docx") String format) {
        return file(format, () -> reports.weekly(day(day), accounts.currentScope(), signedIn()));
    }

    @GetMapping("/reports/events/{id}")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    ResponseEntity<byte[]> special(@PathVariable Long id, @RequestParam(defaultValue = "docx") String format) {
        return file(format, () -> reports.special(id, accounts.currentScope(), signedIn()));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("请选择日期，格式如 2026-11-26");
        }
    }

    private static ResponseEntity<byte[]> file(String format, Supplier<Report> report) {
        boolean xlsx = "xlsx".equals(format);
        if (!xlsx && !"docx".equals(format)) {
            throw new DomainRuleViolation("格式只能是 docx（Word）或 xlsx（Excel）");
        }
        Report r = report.get();
        byte[] body = xlsx ? ReportFiles.xlsx(r) : ReportFiles.docx(r);
        return ResponseEntity.ok().contentType(xlsx ? XLSX : GovernmentDocument.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(r.fileName() + (xlsx ? ".xlsx" : ".docx"), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}

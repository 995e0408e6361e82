package cn.yuqing.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.Times;

/**
 * The audit log for people: each entry a sentence (who, when, what, on which record), filtered by
 * person, unit, record and day; the raw record of an entry one click away.
 */
@Controller
class AuditController {

    record Line(long seq, String sentence, String origin) {
    }

    private static final MediaType JSON_LINES = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);

    private final AuditTrail trail;
    private final AuditExports exports;
    private final AuditKeeping keeping;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final AuditSentences sentences = new AuditSentences();

    AuditController(AuditTrail trail, AuditExports exports, AuditKeeping keeping, OrganisationDirectory directory,
            Accounts accounts) {
        this.trail = trail;
        this.exports = exports;
        this.keeping = keeping;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String log(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String person,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "100") int limit, Model model) {
        Set<String> actors = null;
        if (!person.isBlank() || !unit.isBlank()) {
            actors = new HashSet<>();
            for (Person p : directory.peopleIn(accounts.currentScope())) {
                boolean byPerson = person.isBlank() || p.username().contains(person.strip()) || p.fullName().contains(person.strip());
                boolean byUnit = unit.isBlank() || (p.unit() != null && p.unit().name().contains(unit.strip()));
                if (byPerson && byUnit) {
                    actors.add(p.username());
                }
            }
        }
        Instant start = day(from, "起始日期", model);
        Instant end = day(to, "截止日期", model);
        var entries = trail.search(actors, subject.strip(), start, end == null ? null : end.plus(Duration.ofDays(1)), limit);
        Map<String, String> names = directory.namesByUsername(entries.stream().map(AuditEntry::actor).distinct().toList());
        List<Line> lines = entries.stream()
                .map(e -> new Line(e.seq(), sentences.sentence(e, u -> names.getOrDefault(u, u)), AuditSentences.origin(e.origin())))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("subject", subject);
        model.addAttribute("person", person);
        model.addAttribute("unit", unit);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("total", trail.count());
        model.addAttribute("mayExport", Accounts.signedIn().can(AuditPermissions.AUDIT_EXPORT));
        model.addAttribute("algorithm", keeping.algorithm());
        return "audit/log";
    }

    /** A day as typed (yyyy-MM-dd); a malformed one is named on the page and ignored. */
    private static Instant day(String text, String what, Model model) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return parseDay(text, what).atStartOfDay(Times.ZONE).toInstant();
        } catch (DomainRuleViolation e) {
            model.addAttribute("error", e.getMessage());
            return null;
        }
    }

    private static LocalDate parseDay(String text, String what) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation(what + "应写作 2027-07-12 这样的日期");
        }
    }

    /**
     * A period handed over to an assessor as a file they verify offline (docs/audit-keeping.md);
     * the export is itself recorded, with the file's digest.
     */
    @PostMapping("/audit/export")
    @PreAuthorize("hasAuthority('audit:log:export')")
    ResponseEntity<Resource> export(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to)
            throws IOException {
        AuditExports.Export export = exports.period(parseDay(from, "起始日期"), parseDay(to, "截止日期"),
                Accounts.signedIn().getUsername());
        return ResponseEntity.ok().contentType(JSON_LINES)
                .contentLength(Files.size(export.file()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // the temporary file goes when the response has been written from it
                .body(new InputStreamResource(Files.newInputStream(export.file(), StandardOpenOption.DELETE_ON_CLOSE)));
    }

    /** The raw record: what the hash chain covers, for an inspector. */
    @GetMapping("/audit/{seq}")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String entry(@PathVariable long seq, Model model) {
        AuditEntry e = trail.entry(seq).orElseThrow(() -> new NotFound("操作记录"));
        model.addAttribute("entry", e);
        model.addAttribute("sentence", sentences.sentence(e, u -> directory.person(u).map(Person::fullName).orElse(u)));
        return "audit/entry";
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit:chain:verify')")
    String verifyPage(Model model) {
        ChainVerification result = trail.verify();
        model.addAttribute("result", result);
        model.addAttribute("keeping", keeping.status(result));
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

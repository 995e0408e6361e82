package cn.yuqing.review.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.review.CaseLibrary;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

/** The library of past cases: search by words and filters, and the past events like one (issue 20). */
@Controller
class CaseLibraryController {

    private final CaseLibrary library;
    private final Accounts accounts;
    private final OrganisationDirectory directory;

    CaseLibraryController(CaseLibrary library, Accounts accounts, OrganisationDirectory directory) {
        this.library = library;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/library")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) MatterKind kind,
            @RequestParam(required = false) String place, @RequestParam(required = false) Long unit, Model model) {
        DataScope scope = accounts.currentScope();
        boolean asked = !q.isBlank() || kind != null || unit != null || (place != null && !place.isBlank());
        model.addAttribute("hits", asked ? library.search(q, kind, place, unit, scope) : List.of());
        model.addAttribute("asked", asked);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("place", place);
        model.addAttribute("unit", unit);
        model.addAttribute("kinds", MatterKind.values());
        String region = directory.regionCodeOf(Accounts.signedIn());
        model.addAttribute("places", region == null ? List.of() : directory.childrenOf(region));
        model.addAttribute("units", directory.allUnits().stream().filter(u -> scope.covers(u.id())).toList());
        return "review/library";
    }

    @GetMapping("/events/{id}/similar")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String similar(@PathVariable Long id, Model model) {
        model.addAttribute("similar", library.similar(id, accounts.currentScope(), 5));
        return "review/similar :: list";
    }

    record HitView(Long eventId, String title, String state, String matterKind, String field, String snippet, int matches) {
    }

    record SimilarView(Long eventId, String title, String state, String matterKind, double similarity) {
    }

    @GetMapping("/api/library")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    @ResponseBody
    List<HitView> searchApi(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) MatterKind kind,
            @RequestParam(required = false) String place, @RequestParam(required = false) Long unit) {
        return library.search(q, kind, place, unit, accounts.currentScope()).stream()
                .map(h -> new HitView(h.event().id(), h.event().title(), h.event().state().name(),
                        h.event().matterKind() == null ? null : h.event().matterKind().name(), h.field(), h.snippet(), h.matches()))
                .toList();
    }

    @GetMapping("/api/events/{id}/similar")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    @ResponseBody
    List<SimilarView> similarApi(@PathVariable Long id) {
        return library.similar(id, accounts.currentScope(), 5).stream()
                .map(s -> new SimilarView(s.event().id(), s.event().title(), s.event().state().name(),
                        s.event().matterKind() == null ? null : s.event().matterKind().name(),
                        Math.round(s.similarity() * 1000) / 1000.0))
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class LibraryNavigation {

        @Bean
        NavigationEntry.Menu libraryMenu() {
            return NavigationEntry.Menu.of(
                    new NavigationEntry(Stage.RESPONSE, "往期案例与口径", "/library", OpinionPermissions.EVENT_VIEW, 60));
        }
    }
}

package cn.yuqing.response.web;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;

/**
 * 回应关切: the public, read-only page of published releases, and the same as Atom and JSON for the
 * government portal to embed. Only what was published and is public; never drafts, authors,
 * reviewers, individual replies or anything of the event's internal record.
 */
@Controller
class PublicResponsesController {

    private final Releases releases;

    PublicResponsesController(Releases releases) {
        this.releases = releases;
    }

    @GetMapping("/public/responses")
    @PreAuthorize("permitAll()")
    String list(Model model) {
        List<Release> published = releases.published(50);
        model.addAttribute("releases", published);
        model.addAttribute("attachments", releases.publishedAttachments(published));
        return "response/public";
    }

    @GetMapping("/public/responses/{id}")
    @PreAuthorize("permitAll()")
    String one(@PathVariable Long id, Model model) {
        List<Release> one = List.of(releases.publishedRelease(id));
        model.addAttribute("releases", one);
        model.addAttribute("attachments", releases.publishedAttachments(one));
        return "response/public";
    }

    @GetMapping("/public/responses/attachments/{attachmentId}")
    @PreAuthorize("permitAll()")
    ResponseEntity<org.springframework.core.io.Resource> attachment(@PathVariable Long attachmentId) {
        var found = releases.publishedAttachment(attachmentId);
        return cn.yuqing.shared.FileStore.serve(found.getValue(), found.getKey().fileName(), found.getKey().contentType());
    }

    record PublicRelease(Long id, String title, String kind, String channel, String speaker, String publishedAt, String text,
            String url) {
    }

    @GetMapping(value = "/public/responses.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @ResponseBody
    List<PublicRelease> json(HttpServletRequest request) {
        return releases.published(50).stream().map(r -> new PublicRelease(r.id(), r.title(), r.kind().label(), r.channel(),
                r.speaker(), r.publishedAt().toString(), r.text(), base(request) + "/public/responses/" + r.id())).toList();
    }

    @GetMapping(value = "/public/responses.atom", produces = "application/atom+xml;charset=UTF-8")
    @PreAuthorize("permitAll()")
    ResponseEntity<String> atom(HttpServletRequest request) throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("回应关切");
        feed.setLink(base(request) + "/public/responses");
        feed.setUri(base(request) + "/public/responses");
        feed.setDescription("已发布的政务舆情回应");
        List<SyndEntry> entries = new ArrayList<>();
        for (Release r : releases.published(50)) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(r.title());
            e.setLink(base(request) + "/public/responses/" + r.id());
            e.setUri("urn:yuqing:release:" + r.id());
            e.setPublishedDate(Date.from(r.publishedAt()));
            e.setUpdatedDate(Date.from(r.publishedAt()));
            SyndContentImpl content = new SyndContentImpl();
            content.setType("text/plain");
            content.setValue(r.kind().label() + "（" + r.channel() + "）\n" + r.text());
            e.setContents(List.of(content));
            entries.add(e);
        }
        feed.setEntries(entries);
        if (!entries.isEmpty()) {
            feed.setPublishedDate(entries.get(0).getPublishedDate());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
    }

}

package cn.yuqing.intake.web;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.intake.Channel;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemAttachment;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

@Controller
class ItemController {

    private final Items items;
    private final Channels channels;
    private final Accounts accounts;
    private final cn.yuqing.organisation.OrganisationDirectory directory;

    ItemController(Items items, Channels channels, Accounts accounts, cn.yuqing.organisation.OrganisationDirectory directory) {
        this.items = items;
        this.channels = channels;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/intake/items")
    @PreAuthorize("hasAuthority('intake:item:view')")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long channel,
            @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model, HttpServletResponse response) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("q", q);
        model.addAttribute("channel", channel);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        var visible = channels.visible(scope);
        model.addAttribute("channels", visible);
        model.addAttribute("channelNames", visible.stream().collect(Collectors.toMap(Channel::id, Channel::name)));
        model.addAttribute("unit", unit);
        model.addAttribute("units", directory.allUnits().stream().filter(u -> scope.covers(u.id()))
                .filter(u -> visible.stream().anyMatch(c -> c.unitId().equals(u.id()))).toList());
        try {
            Instant start = from.isBlank() ? null : LocalDate.parse(from).atStartOfDay(Times.ZONE).toInstant();
            Instant end = to.isBlank() ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(Times.ZONE).toInstant();
            if (q.length() > 200) {
                throw new DomainRuleViolation("搜索词不超过200字");
            }
            model.addAttribute("page", items.search(q, channel, start, end, unit, scope, 100));
        } catch (DateTimeParseException e) {
            response.setStatus(400);
            model.addAttribute("error", "日期格式不正确");
        } catch (DomainRuleViolation e) {
            response.setStatus(400);
            model.addAttribute("error", e.describe());
        }
        return "intake/items";
    }

    @GetMapping("/intake/items/{id}")
    @PreAuthorize("hasAuthority('intake:item:view')")
    String show(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        OpinionItem item = items.require(id, scope);
        model.addAttribute("item", item);
        model.addAttribute("channel", channels.require(item.channelId(), scope));
        model.addAttribute("attachments", items.attachmentsOf(id));
        model.addAttribute("annotations", items.annotationsOf(id));
        return "intake/item";
    }

    @PostMapping("/intake/items/{id}/annotations")
    @PreAuthorize("hasAuthority('intake:item:annotate')")
    String annotate(@PathVariable Long id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已添加批注", () -> items.annotate(id, accounts.currentScope(), signedIn(), text));
        return "redirect:/intake/items/" + id;
    }

    @PostMapping("/intake/items/{id}/report")
    @PreAuthorize("hasAuthority('intake:item:report')")
    String report(@PathVariable Long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        items.reportUrgent(id, accounts.currentScope(), reason);
        redirect.addFlashAttribute("notice", "已立即上报研判人员和单位负责人");
        return "redirect:/intake/items/" + id;
    }

    /**
     * Attachments are served with the type recognised from their bytes, never as HTML, and as a
     * download unless they are images; the CSP of the site applies to them too.
     */
    @GetMapping("/intake/attachments/{id}")
    @PreAuthorize("hasAuthority('intake:item:view')")
    ResponseEntity<Resource> attachment(@PathVariable Long id) {
        Map.Entry<ItemAttachment, Path> found = items.attachment(id, accounts.currentScope());
        return cn.yuqing.shared.FileStore.serve(found.getValue(), found.getKey().fileName(), found.getKey().contentType());
    }
}

package cn.yuqing.intake.web;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.intake.Channel;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;

@Controller
class ChannelController {

    private final Channels channels;
    private final Accounts accounts;
    private final OrganisationDirectory directory;

    ChannelController(Channels channels, Accounts accounts, OrganisationDirectory directory) {
        this.channels = channels;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/intake/channels")
    @PreAuthorize("hasAuthority('intake:patrol:view')")
    String list(Model model) {
        model.addAttribute("channels", channels.visible(accounts.currentScope()));
        model.addAttribute("unitNames", directory.allUnits().stream()
                .collect(java.util.stream.Collectors.toMap(cn.yuqing.organisation.Unit::id, cn.yuqing.organisation.Unit::name)));
        return "intake/channels";
    }

    @GetMapping("/intake/channels/new")
    @PreAuthorize("hasAuthority('intake:channel:edit')")
    String newChannel(Model model) {
        return form(null, new ChannelData(null, ChannelType.PORTAL, null, null, 1, true, Set.of()), model);
    }

    @GetMapping("/intake/channels/{id}")
    @PreAuthorize("hasAuthority('intake:channel:edit')")
    String edit(@PathVariable Long id, Model model) {
        Channel c = channels.require(id, accounts.currentScope());
        return form(c, new ChannelData(c.name(), c.type(), c.unitId(), c.location(), c.patrolsPerDay(), c.active(),
                c.monitorIds()), model);
    }

    @PostMapping("/intake/channels")
    @PreAuthorize("hasAuthority('intake:channel:edit')")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) ChannelType type,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) String location,
            @RequestParam(defaultValue = "1") int patrolsPerDay, @RequestParam(required = false) Set<Long> monitorIds,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ChannelData data = new ChannelData(name, type, unitId, location, patrolsPerDay, true, monitorIds);
        try {
            Channel c = channels.create(data, accounts.currentScope());
            redirect.addFlashAttribute("notice", "已添加渠道：" + c.name());
            return "redirect:/intake/channels";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(null, data, model);
        }
    }

    @PostMapping("/intake/channels/{id}")
    @PreAuthorize("hasAuthority('intake:channel:edit')")
    String update(@PathVariable Long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) ChannelType type, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String location, @RequestParam(defaultValue = "1") int patrolsPerDay,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Set<Long> monitorIds,
            @RequestParam long version, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        DataScope scope = accounts.currentScope();
        Channel existing = channels.require(id, scope);
        ChannelData data = new ChannelData(name, type, unitId, location, patrolsPerDay, active, monitorIds);
        try {
            channels.update(id, version, data, scope);
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/intake/channels";
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return form(existing, data, model);
        }
    }

    private String form(Channel channel, ChannelData data, Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("channel", channel);
        model.addAttribute("data", data);
        model.addAttribute("selectedMonitors", data.monitorIds() == null ? Set.of() : new HashSet<>(data.monitorIds()));
        model.addAttribute("types", ChannelType.values());
        model.addAttribute("units", directory.allUnits().stream().filter(u -> scope.covers(u.id())).toList());
        model.addAttribute("monitors", channels.monitorsIn(scope));
        return "intake/channel";
    }
}

package cn.yuqing.notification;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** Each person's preferences; the administrator's group robots and the record of deliveries. */
@Controller
class DeliveryController {

    private final Deliveries deliveries;
    private final OrganisationDirectory directory;

    DeliveryController(Deliveries deliveries, OrganisationDirectory directory) {
        this.deliveries = deliveries;
        this.directory = directory;
    }

    @GetMapping("/notifications/preferences")
    @PreAuthorize("isAuthenticated()")
    String preferences(Model model) {
        Long me = signedIn().personId();
        model.addAttribute("preference", deliveries.preferenceOf(me));
        model.addAttribute("email", directory.person(me).map(p -> p.email()).orElse(null));
        model.addAttribute("mailConfigured", deliveries.mailConfigured());
        return "notification/preferences";
    }

    @PostMapping("/notifications/preferences")
    @PreAuthorize("isAuthenticated()")
    String changePreferences(@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "") String quietFrom,
            @RequestParam(defaultValue = "") String quietUntil, RedirectAttributes redirect) {
        Flash.attempt(redirect, "已保存", () ->
                deliveries.changePreference(signedIn().personId(), email, time(quietFrom), time(quietUntil)));
        return "redirect:/notifications/preferences";
    }

    private static LocalTime time(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("时间应写作 22:00 的形式");
        }
    }

    @GetMapping("/notifications/deliveries")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String deliveries(Model model) {
        Map<Long, String> units = new HashMap<>();
        directory.allUnits().forEach(u -> units.put(u.id(), u.name()));
        model.addAttribute("deliveries", deliveries.recent());
        model.addAttribute("failed", deliveries.failedCount());
        model.addAttribute("robots", deliveries.robots());
        model.addAttribute("units", directory.allUnits());
        model.addAttribute("unitNames", units);
        model.addAttribute("kinds", GroupRobot.Kind.values());
        model.addAttribute("mailConfigured", deliveries.mailConfigured());
        model.addAttribute("sms", deliveries.smsGateway());
        return "notification/deliveries";
    }

    @PostMapping("/notifications/deliveries/{id}/retry")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String retry(@PathVariable Long id, RedirectAttributes redirect) {
        deliveries.retry(id);
        redirect.addFlashAttribute("notice", "已安排重新发送");
        return "redirect:/notifications/deliveries";
    }

    @PostMapping("/notifications/robots")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String addRobot(@RequestParam(required = false) Long unitId, @RequestParam(required = false) GroupRobot.Kind kind,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "false") boolean urgentOnly,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "已添加群机器人", () -> deliveries.addRobot(unitId, kind, name, url, secret, urgentOnly));
        return "redirect:/notifications/deliveries";
    }

    /** The SMS gateway replies and survey links to citizens go out by; a blank secret keeps the stored one. */
    @PostMapping("/notifications/sms-gateway")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String changeSmsGateway(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        Flash.attempt(redirect, active ? "短信网关已启用" : "短信网关已停用", () ->
                deliveries.changeSmsGateway(url, account, secret, signature, active, cn.yuqing.organisation.Accounts.signedIn().getUsername()));
        return "redirect:/notifications/deliveries";
    }

    @PostMapping("/notifications/robots/{id}/remove")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String removeRobot(@PathVariable Long id, RedirectAttributes redirect) {
        deliveries.removeRobot(id);
        redirect.addFlashAttribute("notice", "已停用");
        return "redirect:/notifications/deliveries";
    }
}

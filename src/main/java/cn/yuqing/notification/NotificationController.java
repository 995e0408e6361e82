package cn.yuqing.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

import static cn.yuqing.organisation.Accounts.signedIn;

@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String inbox(Model model) {
        model.addAttribute("notices", notifications.inbox(signedIn().personId()));
        return "notification/inbox";
    }

    /** Opening a notice marks it read and follows its link. */
    @PostMapping("/notifications/{id}")
    @PreAuthorize("isAuthenticated()")
    String open(@PathVariable Long id) {
        Notification notice = notifications.open(id, signedIn().personId());
        return "redirect:" + (notice.link() == null ? "/notifications" : notice.link());
    }
}

/** The unread count in every page's navigation bar. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

    private final Notifications notifications;

    UnreadCountAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices() {
        return Accounts.current().map(p -> notifications.unread(p.personId())).orElse(null);
    }
}

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavigationEntry.Menu notificationMenu() {
        return NavigationEntry.Menu.of(new NavigationEntry(Stage.ADMINISTRATION, "我的消息", "/notifications", null, 1),
                new NavigationEntry(Stage.ADMINISTRATION, "通知方式与免打扰", "/notifications/preferences", null, 2),
                new NavigationEntry(Stage.ADMINISTRATION, "邮件、短信与群机器人", "/notifications/deliveries",
                        NotificationPermissions.DELIVERY_VIEW, 50));
    }
}

package cn.yuqing.shell;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

/** What every page's layout needs: who is signed in and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final Navigation navigation;

    ShellAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("me")
    SignedInPerson me() {
        return Accounts.current().orElse(null);
    }

    @ModelAttribute("navigation")
    Map<Stage, List<NavigationEntry>> navigation() {
        return Accounts.current().map(navigation::visibleTo).orElse(Map.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}

package cn.yuqing.shell;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DemonstrationClock;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;
import cn.yuqing.shared.Times;

/** What every page's layout needs: who is signed in and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final Navigation navigation;
    private final Clock clock;

    ShellAdvice(Navigation navigation, Clock clock) {
        this.navigation = navigation;
        this.clock = clock;
    }

    /** Every page says so while the demonstration clock runs ahead of real time. */
    @ModelAttribute("clockAhead")
    String clockAhead() {
        return clock instanceof DemonstrationClock demo && !demo.offset().isZero()
                ? "演示时钟：系统时间已前拨" + Times.describe(demo.offset()) + "，现为 " + Times.format(demo.instant()) : null;
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

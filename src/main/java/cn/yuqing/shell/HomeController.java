package cn.yuqing.shell;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.yuqing.shared.Stage;

@Controller
class HomeController {

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(org.springframework.ui.Model model) {
        model.addAttribute("stages", Stage.values());
        return "home";
    }
}

package cn.yuqing.security.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.yuqing.security.SelfCheck;

@Controller
class SelfCheckController {

    private final SelfCheck selfCheck;

    SelfCheckController(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    @GetMapping("/security/self-check")
    @PreAuthorize("hasAuthority('security:selfcheck:view')")
    String page(Model model) {
        var controls = selfCheck.controls();
        model.addAttribute("controls", controls);
        model.addAttribute("attention", controls.stream().filter(c -> c.status() == SelfCheck.Status.ATTENTION).count());
        return "security/self-check";
    }
}

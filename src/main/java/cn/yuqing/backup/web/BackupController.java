package cn.yuqing.backup.web;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.backup.Backups;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

@Controller
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @GetMapping("/admin/backups")
    @PreAuthorize("hasAuthority('system:backup:run')")
    String list(Model model) throws IOException {
        model.addAttribute("supported", backups.supported());
        model.addAttribute("directory", backups.directory().toString());
        model.addAttribute("backups", backups.list());
        return "admin/backups";
    }

    @PostMapping("/admin/backups")
    @PreAuthorize("hasAuthority('system:backup:run')")
    String backUpNow(RedirectAttributes redirect) {
        Flash.attempt(redirect, "备份完成", () -> {
            try {
                backups.backUp();
            } catch (IOException e) {
                throw new DomainRuleViolation("备份未能写入备份目录：" + e.getMessage());
            }
        });
        return "redirect:/admin/backups";
    }
}

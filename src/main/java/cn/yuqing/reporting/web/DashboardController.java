package cn.yuqing.reporting.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.reporting.Dashboards;

import static cn.yuqing.organisation.Accounts.signedIn;

/** 舆情态势: the dashboard, its data for the charts, and the duty room's full-screen mode that refreshes itself. */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final OrganisationDirectory directory;
    private final Accounts accounts;

    DashboardController(Dashboards dashboards, OrganisationDirectory directory, Accounts accounts) {
        this.dashboards = dashboards;
        this.directory = directory;
        this.accounts = accounts;
    }

    private Dashboards.Board board() {
        var me = signedIn();
        return dashboards.of(accounts.currentScope(), directory.regionCodeOf(me));
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String page(@RequestParam(defaultValue = "false") boolean screen, Model model) {
        model.addAttribute("board", board());
        model.addAttribute("screen", screen);
        return "reporting/dashboard";
    }

    @GetMapping("/dashboard/data")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    @ResponseBody
    Dashboards.Board data() {
        return board();
    }
}

package cn.yuqing.deadline.web;

import java.time.Duration;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yuqing.deadline.Deadlines;
import cn.yuqing.organisation.Accounts;

/** The clocks where people work: on the event's page, on work orders, and the board of what falls due. */
@Controller
class DeadlineController {

    static final List<Integer> WINDOWS = List.of(4, 8, 24, 72);

    private final Deadlines deadlines;
    private final Accounts accounts;

    DeadlineController(Deadlines deadlines, Accounts accounts) {
        this.deadlines = deadlines;
        this.accounts = accounts;
    }

    /** An event's clocks with their history; refreshed by the page every minute. */
    @GetMapping("/events/{id}/clocks")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String clocks(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean compact, Model model) {
        model.addAttribute("board", deadlines.board(id, accounts.currentScope()));
        model.addAttribute("now", deadlines.now());
        model.addAttribute("compact", compact);
        return "deadline/clocks :: panel";
    }

    @GetMapping("/deadlines")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String board(@RequestParam(defaultValue = "24") int hours, Model model) {
        int window = WINDOWS.contains(hours) ? hours : 24;
        model.addAttribute("due", deadlines.dueWithin(accounts.currentScope(), Duration.ofHours(window)));
        model.addAttribute("now", deadlines.now());
        model.addAttribute("hours", window);
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("failing", deadlines.failingTimers());
        return "deadline/board";
    }

    /** The home page's “due in the next hours” card. */
    @GetMapping("/deadlines/summary")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String summary(Model model) {
        var due = deadlines.dueWithin(accounts.currentScope(), Duration.ofHours(8));
        model.addAttribute("due", due.size() > 8 ? due.subList(0, 8) : due);
        model.addAttribute("total", due.size());
        model.addAttribute("overdue", due.stream().filter(d -> !d.deadline().dueAt().isAfter(deadlines.now())).count());
        model.addAttribute("now", deadlines.now());
        return "deadline/summary :: summary";
    }
}

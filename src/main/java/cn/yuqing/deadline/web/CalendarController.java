package cn.yuqing.deadline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.deadline.WorkingDays;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/** The working-day calendar, one year at a time, entered from the State Council's notice. */
@Controller
class CalendarController {

    private final WorkingDays calendar;
    private final Clock clock;

    CalendarController(WorkingDays calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/deadlines/calendar")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    String show(@RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int shown = year == null || year < 2000 || year > 2100 ? thisYear : year;
        WorkingDays.Schedule schedule = calendar.schedule(shown);
        model.addAttribute("schedule", schedule);
        String entered = schedule.days().stream()
                .map(d -> d.day() + " " + (d.working() ? "上班" : "放假") + " " + d.name()).collect(Collectors.joining("\n"));
        java.util.Optional<String> bundled = schedule.entered() == null ? calendar.bundled(shown) : java.util.Optional.empty();
        model.addAttribute("lines", schedule.entered() != null ? entered : bundled.orElse(""));
        model.addAttribute("bundled", bundled.isPresent());
        model.addAttribute("years", java.util.List.of(shown - 1, shown, shown + 1));
        return "deadline/calendar";
    }

    @PostMapping("/deadlines/calendar")
    @PreAuthorize("hasAuthority('deadline:calendar:edit')")
    String enter(@RequestParam int year, @RequestParam(defaultValue = "") String lines,
            @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
        boolean saved = Flash.attempt(redirect, () -> {
            var schedule = calendar.enter(year, lines, source, signedIn().getUsername());
            return year + "年工作日历已保存，共" + schedule.days().size() + "天例外。";
        });
        if (!saved) {
            redirect.addFlashAttribute("draft", lines);
        }
        return "redirect:/deadlines/calendar?year=" + year;
    }
}

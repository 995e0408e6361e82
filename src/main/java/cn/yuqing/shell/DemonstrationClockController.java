package cn.yuqing.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.shared.ClockMoved;
import cn.yuqing.shared.DemonstrationClock;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.Times;
import cn.yuqing.shared.WorkingCalendar;

/** Demo and training only: the administrator moves time forward to show how clocks and escalations behave. */
@Controller
class DemonstrationClockController {

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;

    DemonstrationClockController(Clock clock, ApplicationEventPublisher events, WorkingCalendar calendar) {
        this.clock = clock;
        this.events = events;
        this.calendar = calendar;
    }

    /** Training scenarios start at a working day's morning: the next working day 08:30, and 06:10 of tomorrow (a night's post). */
    private java.util.Map<String, String> presets(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Times.ZONE);
        LocalDate next = today.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        java.util.Map<String, String> presets = new java.util.LinkedHashMap<>();
        presets.put("下一个工作日 08:30（" + next + "）", next.atTime(8, 30).toString());
        presets.put("明天 06:10", today.plusDays(1).atTime(6, 10).toString());
        return presets;
    }

    private DemonstrationClock demonstration() {
        if (clock instanceof DemonstrationClock demo) {
            return demo;
        }
        throw new NotFound("演示时钟（仅在演示或培训环境中提供）");
    }

    @GetMapping("/admin/clock")
    @PreAuthorize("hasAuthority('system:clock:move')")
    String show(Model model) {
        DemonstrationClock demo = demonstration();
        model.addAttribute("now", Times.format(demo.instant()));
        model.addAttribute("offset", demo.offset().isZero() ? null : Times.describe(demo.offset()));
        model.addAttribute("presets", presets(demo.instant()));
        model.addAttribute("minute", LocalDateTime.ofInstant(demo.instant(), Times.ZONE).plusHours(1).withSecond(0).withNano(0)
                .toString());
        return "admin/clock";
    }

    /** To a date and minute ahead (a trainer stages a scenario at 06:10 on a given day); forward only. */
    @PostMapping("/admin/clock/to")
    @PreAuthorize("hasAuthority('system:clock:move')")
    String moveTo(@RequestParam(defaultValue = "") String at, RedirectAttributes redirect) {
        DemonstrationClock demo = demonstration();
        Flash.attempt(redirect, () -> {
            Instant target = Times.parseLocal(at).orElseThrow(() -> new DomainRuleViolation("请选择要拨到的日期和时间"));
            Duration by = Duration.between(demo.instant(), target);
            if (by.isNegative() || by.isZero()) {
                throw new DomainRuleViolation("演示时钟只能向前拨：请选择晚于 " + Times.format(demo.instant()) + " 的时间");
            }
            if (by.compareTo(Duration.ofDays(366)) > 0) {
                throw new DomainRuleViolation("演示时钟一次最多前拨一年");
            }
            Duration offset = demo.advance(by);
            events.publishEvent(new ClockMoved(by, offset));
            return "系统时间已拨到 " + Times.format(demo.instant()) + "。到期的提醒和督办已执行。";
        });
        return "redirect:/admin/clock";
    }

    @PostMapping("/admin/clock")
    @PreAuthorize("hasAuthority('system:clock:move')")
    String advance(@RequestParam(defaultValue = "0") String hours, RedirectAttributes redirect) {
        DemonstrationClock demo = demonstration();
        Flash.attempt(redirect, () -> {
            long h;
            try {
                h = Long.parseLong(hours.strip());
            } catch (NumberFormatException e) {
                throw new DomainRuleViolation("请填写要前拨的小时数（整数）");
            }
            if (h <= 0 || h > 31 * 24) {
                throw new DomainRuleViolation("演示时钟每次可前拨1到744小时");
            }
            Duration offset = demo.advance(Duration.ofHours(h));
            events.publishEvent(new ClockMoved(Duration.ofHours(h), offset));
            return "已前拨" + h + "小时，系统时间现为 " + Times.format(demo.instant())
                    + "。到期的提醒和督办已执行。";
        });
        return "redirect:/admin/clock";
    }
}

package cn.yuqing.shell;

import java.time.Clock;
import java.time.Duration;

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
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.Times;

/** Demo and training only: the administrator moves time forward to show how clocks and escalations behave. */
@Controller
class DemonstrationClockController {

    private final Clock clock;
    private final ApplicationEventPublisher events;

    DemonstrationClockController(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
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
        return "admin/clock";
    }

    @PostMapping("/admin/clock")
    @PreAuthorize("hasAuthority('system:clock:move')")
    String advance(@RequestParam(defaultValue = "0") String hours, RedirectAttributes redirect) {
        DemonstrationClock demo = demonstration();
        try {
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
            redirect.addFlashAttribute("notice", "已前拨" + h + "小时，系统时间现为 " + Times.format(demo.instant())
                    + "。到期的提醒和督办已执行。");
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
        }
        return "redirect:/admin/clock";
    }
}

package cn.yuqing.citizen.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.yuqing.citizen.CitizenReplies;
import cn.yuqing.citizen.Survey;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * The citizen's one-click survey, without signing in, made for a phone: the reply they received
 * and three buttons, a comment if they wish. Nothing of the record is shown but the event's title
 * and the reply; a link that is not genuine opens nothing, an expired or used one says so.
 */
@Controller
class SurveyController {

    private final CitizenReplies replies;
    private final java.time.Clock clock;

    SurveyController(CitizenReplies replies, java.time.Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    @GetMapping("/public/survey/{token}")
    @PreAuthorize("permitAll()")
    String show(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Survey s = replies.byLink(token).orElse(null);
        if (s == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "评价链接无效。请核对短信或邮件中的链接，或拨打12345反映。");
            return "citizen/survey-done";
        }
        if (s.answered()) {
            model.addAttribute("message", "您已评价（" + s.rating().label() + "），感谢您的反馈。");
            return "citizen/survey-done";
        }
        if (!java.time.Instant.now(clock).isBefore(s.expiresAt())) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("message", "评价链接已过期。如需反映，请拨打12345或联系承办单位。");
            return "citizen/survey-done";
        }
        model.addAttribute("title", replies.titleFor(s));
        model.addAttribute("reply", replies.replyOf(s));
        model.addAttribute("token", token);
        model.addAttribute("ratings", Survey.Rating.values());
        return "citizen/survey";
    }

    @PostMapping("/public/survey/{token}")
    @PreAuthorize("permitAll()")
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String rating,
            @RequestParam(defaultValue = "") String comment, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            Survey s = replies.answer(token, CitizenController.choice(Survey.Rating.class, rating, "请选择满意、基本满意或不满意"), comment);
            model.addAttribute("message", "感谢您的评价（" + s.rating().label() + "）。"
                    + (s.rating() == Survey.Rating.UNSATISFIED ? "承办单位将重新办理并再次答复您。" : ""));
        } catch (DomainRuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("message", refused.getMessage());
        } catch (cn.yuqing.shared.NotFound forged) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "评价链接无效。请核对短信或邮件中的链接，或拨打12345反映。");
        }
        return "citizen/survey-done";
    }
}

package cn.yuqing.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages' one way of acting on a form: do it and say so, or say in Chinese why the rule refused
 * it, on the page the browser is sent back to.
 */
public final class Flash {

    private Flash() {
    }

    /** Runs the action; the page after the redirect shows {@code done}, or the refusal. True if it was done. */
    public static boolean attempt(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
            return true;
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
            return false;
        }
    }
}

package cn.yuqing.shared;

import java.util.function.Supplier;

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
        return attempt(redirect, () -> {
            action.run();
            return done;
        });
    }

    /**
     * Runs the step and shows what it says it did, or the refusal. For the forms whose notice depends on
     * the outcome (how far the clock moved, whether the grade changed), which the fixed {@code done} of
     * the other overload cannot say. True if it was done, so a caller can keep the refused input.
     */
    public static boolean attempt(RedirectAttributes redirect, Supplier<String> step) {
        try {
            redirect.addFlashAttribute("notice", step.get());
            return true;
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
            return false;
        }
    }

    /**
     * Runs the step and goes where it leads, showing {@code done} there; refused, goes back to
     * {@code otherwise} with the rule's reason. For the forms whose result has a page of its own (a new
     * draft, the candidate merged into), so success and refusal lead to different pages and only the step
     * knows the first. {@code done} is null when the page the step leads to says enough. Four arguments,
     * not three: a three-argument overload taking a {@code Supplier<String>} would silently take over any
     * call of the first whose action happens to return a String.
     */
    public static String attempt(RedirectAttributes redirect, String done, String otherwise, Supplier<String> step) {
        try {
            String next = step.get();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
            return next;
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("error", e.describe());
            return otherwise;
        }
    }
}

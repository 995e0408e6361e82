package cn.yuqing.shared;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A form's outcome reaches the next page: the notice when done, the rule's reason when refused, nothing else. */
class FlashTests {

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> flash(RedirectAttributesModelMap redirect) {
        return (java.util.Map<String, Object>) redirect.getFlashAttributes();
    }

    private static final DomainRuleViolation REFUSED = new DomainRuleViolation("4.4", "请填写举行时间");

    @Test
    void doneSaysSoAndRefusedSaysWhy() {
        var redirect = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(redirect, "已保存", () -> { })).isTrue();
        assertThat(flash(redirect)).containsEntry("notice", "已保存").doesNotContainKey("error");

        var refused = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(refused, "已保存", () -> {
            throw REFUSED;
        })).isFalse();
        assertThat(flash(refused)).containsEntry("error", REFUSED.describe()).doesNotContainKey("notice");
    }

    @Test
    void theStepSaysWhatItDid() {
        var redirect = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(redirect, () -> "时钟已前拨2小时")).isTrue();
        assertThat(flash(redirect)).containsEntry("notice", "时钟已前拨2小时");
    }

    @Test
    void successAndRefusalLeadToTheirOwnPages() {
        var redirect = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(redirect, "已生成初稿", "redirect:/events/7", () -> "redirect:/releases/9"))
                .isEqualTo("redirect:/releases/9");
        assertThat(flash(redirect)).containsEntry("notice", "已生成初稿");

        var silent = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(silent, null, "redirect:/events/7", () -> "redirect:/releases/9")).isEqualTo("redirect:/releases/9");
        assertThat(flash(silent)).isEmpty();

        var refused = new RedirectAttributesModelMap();
        assertThat(Flash.attempt(refused, "已生成初稿", "redirect:/events/7", () -> {
            throw REFUSED;
        })).isEqualTo("redirect:/events/7");
        assertThat(flash(refused)).containsOnlyKeys("error");
    }

    @Test
    void anythingButARuleIsNotSwallowed() {
        var redirect = new RedirectAttributesModelMap();
        assertThatThrownBy(() -> Flash.attempt(redirect, "已保存", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(flash(redirect)).isEmpty();
    }
}

package cn.yuqing.organisation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roles gather what the modules declare; a code is declared once, in the house format. */
class PermissionsTests {

    private static ModulePermissions module(Permission... permissions) {
        return () -> List.of(permissions);
    }

    @Test
    void aRoleHoldsWhatEveryModuleGrantsIt() {
        var permissions = new Permissions(List.of(
                module(Permission.of("intake:item:capture", "录入", Role.MONITOR, Role.ANALYST)),
                module(Permission.of("opinion:event:edit", "办理", Role.ANALYST), Permission.everyone("opinion:event:view", "查看"))));
        assertThat(permissions.of(List.of(Role.MONITOR))).containsExactly("intake:item:capture", "opinion:event:view");
        assertThat(permissions.of(List.of(Role.ANALYST)))
                .containsExactly("intake:item:capture", "opinion:event:edit", "opinion:event:view");
        assertThat(permissions.of(List.of(Role.RESPONDER, Role.MONITOR))).hasSize(2);
        assertThat(permissions.of(List.of())).isEmpty();
        assertThat(permissions.declared("opinion:event:edit")).isTrue();
        assertThat(permissions.declared("opinion:event:delete")).isFalse();
    }

    @Test
    void aCodeDeclaredTwiceStopsTheStart() {
        assertThatThrownBy(() -> new Permissions(List.of(module(Permission.of("a:b:c", "甲", Role.MONITOR)),
                module(Permission.of("a:b:c", "乙", Role.ANALYST))))).hasMessageContaining("a:b:c");
    }

    @Test
    void aCodeOutsideTheHouseFormatIsRefused() {
        assertThatThrownBy(() -> Permission.of("intake.item.view", "查看", Role.MONITOR)).hasMessageContaining("模块:对象:操作");
        assertThatThrownBy(() -> Permission.of("Intake:item:view", "查看", Role.MONITOR)).isInstanceOf(IllegalArgumentException.class);
    }
}

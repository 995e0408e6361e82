package cn.yuqing.organisation;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission code ({@code module:record:action}, as county IT staff know them from RuoYi), what
 * it lets a person do in plain words, and the roles that hold it.
 */
public record Permission(String code, String label, Set<Role> roles) {

    private static final Pattern CODE = Pattern.compile("[a-z]+:[a-z]+:[a-z]+");

    public Permission {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("权限代码应为“模块:对象:操作”：" + code);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Permission of(String code, String label, Role... roles) {
        return new Permission(code, label, Set.of(roles));
    }

    /**
     * Held by every role of the work and by the system administrator: reading what the roles' scope
     * already limits. Not by the security and audit administrators, who read only what their office
     * needs (三员分立).
     */
    public static Permission everyone(String code, String label) {
        return new Permission(code, label, EnumSet.complementOf(EnumSet.of(Role.SECURITY_ADMINISTRATOR, Role.AUDIT_ADMINISTRATOR)));
    }
}

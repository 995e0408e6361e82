package cn.yuqing.organisation;

import java.util.Set;

/**
 * What an administrator enters for a person (the username is fixed at creation). {@code title}: the
 * post (职务) as releases name it, such as 县长 or 局长; empty for most staff.
 */
public record PersonData(String fullName, Long unitId, Set<Role> roles, String phone, String email, boolean enabled,
        String title) {

    public PersonData {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public PersonData(String fullName, Long unitId, Set<Role> roles, String phone, String email, boolean enabled) {
        this(fullName, unitId, roles, phone, email, enabled, null);
    }
}

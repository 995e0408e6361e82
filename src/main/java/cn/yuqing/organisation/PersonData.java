package cn.yuqing.organisation;

import java.util.Set;

/** What an administrator enters for a person (the username is fixed at creation). */
public record PersonData(String fullName, Long unitId, Set<Role> roles, String phone, String email, boolean enabled) {

    public PersonData {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}

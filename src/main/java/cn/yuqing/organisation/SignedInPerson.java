package cn.yuqing.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: a person's id, unit and authorities (role names and permission codes).
 * Data scope is worked out from the directory when a query needs it, so that a change of the
 * directory takes effect without signing in again.
 */
public final class SignedInPerson implements UserDetails, CredentialsContainer {

    private final Long personId;
    private final String username;
    private final String fullName;
    private final Long unitId;
    private final String unitName;
    private final Set<Role> roles;
    private final Set<String> permissions;
    private final boolean locked;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final boolean passwordExpired;
    private final boolean secondFactorRequired;
    private final boolean secondFactorEnabled;
    private final java.time.Instant lastSignInAt;
    private final String lastSignInFrom;
    private String passwordHash;

    SignedInPerson(Person person, boolean locked, Set<String> permissions, boolean passwordExpired, boolean secondFactorRequired) {
        this.personId = person.id();
        this.username = person.username();
        this.fullName = person.fullName();
        this.unitId = person.unit() == null ? null : person.unit().id();
        this.unitName = person.unit() == null ? "" : person.unit().name();
        this.roles = person.roles();
        this.permissions = Set.copyOf(permissions);
        this.locked = locked;
        this.enabled = person.enabled();
        this.mustChangePassword = person.mustChangePassword() || passwordExpired;
        this.passwordExpired = passwordExpired;
        this.secondFactorRequired = secondFactorRequired;
        this.secondFactorEnabled = person.secondFactorEnabled();
        // read before this sign-in is recorded: the one before
        this.lastSignInAt = person.lastSignInAt();
        this.lastSignInFrom = person.lastSignInFrom();
        this.passwordHash = person.passwordHash();
    }

    public Long personId() {
        return personId;
    }

    public String fullName() {
        return fullName;
    }

    public Long unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Signing in takes a code from the phone as well (the three administrators always; others if they chose). */
    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    /** One of 三员分立's three administrators. */
    public boolean administrator() {
        return roles.stream().anyMatch(Role.THREE_ADMINISTRATORS::contains);
    }

    public boolean secondFactorEnabled() {
        return secondFactorEnabled;
    }

    /** The password is older than the maximum age (the reason the change is asked). */
    public boolean passwordExpired() {
        return passwordExpired;
    }

    /** The sign-in before this one, as 等保 asks it shown: when and from where, or empty at the first. */
    public String lastSignIn() {
        return lastSignInAt == null ? "" : cn.yuqing.shared.Times.format(lastSignInAt)
                + (lastSignInFrom == null ? "" : "，来自 " + lastSignInFrom);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

package cn.yuqing.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Encrypted;
import cn.yuqing.shared.Masks;

/** A member of staff with an account: unit, roles, and the sign-in state that lock-out needs. */
@Entity
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String fullName;

    private String title;

    /** Null only for the installation's first administrator, who exists before any unit does. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private String passwordHash;

    private boolean enabled = true;

    private boolean mustChangePassword;

    private int failedSignIns;

    private Instant lockedUntil;

    private Instant passwordChangedAt;

    /** The second factor's shared secret (base32), encrypted at rest; set at enrolment, in use once confirmed. */
    @Convert(converter = Encrypted.class)
    private String totpSecret;

    private boolean totpEnabled;

    /** The last time step whose code was accepted: a code is good once. */
    private Long totpLastStep;

    /** SHA-256 digests of the unused recovery codes, comma-separated. */
    private String recoveryCodes;

    /** The last interactive sign-in and the address it came from, shown at the next (等保: the user sees it). */
    private Instant lastSignInAt;

    private String lastSignInFrom;

    @Convert(converter = Encrypted.class)
    private String phone;

    @Convert(converter = Encrypted.class)
    private String email;

    @Version
    private long version;

    protected Person() {
    }

    Person(String username, PersonData data, Unit unit, String passwordHash) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,32}")) {
            throw new DomainRuleViolation("用户名应为3至32位字母、数字、下划线、点或连字符");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.mustChangePassword = true;
        apply(data, unit);
    }

    /** One of the installation's first three administrators (三员分立), who have no unit yet. */
    static Person firstAdministrator(String username, Role role, String passwordHash, boolean mustChange) {
        Person p = new Person();
        p.username = username;
        p.fullName = role.label();
        p.roles = EnumSet.of(role);
        p.passwordHash = passwordHash;
        p.mustChangePassword = mustChange;
        return p;
    }

    void apply(PersonData data, Unit unit) {
        if (data.fullName() == null || data.fullName().isBlank() || data.fullName().strip().length() > 50) {
            throw new DomainRuleViolation("姓名不能为空，且不超过50字");
        }
        if (unit == null) {
            throw new DomainRuleViolation("人员必须属于某一单位");
        }
        if (data.roles().isEmpty()) {
            throw new DomainRuleViolation("人员至少应有一个角色");
        }
        requireOneAdministratorRoleAtMost(data.roles());
        if (data.email() != null && !data.email().isBlank() && !data.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new DomainRuleViolation("电子邮箱格式不正确");
        }
        if (data.phone() != null && !data.phone().isBlank() && !data.phone().matches("[0-9+\\- ]{5,30}")) {
            throw new DomainRuleViolation("电话号码格式不正确");
        }
        if (data.title() != null && data.title().strip().length() > 30) {
            throw new DomainRuleViolation("职务不超过30字");
        }
        this.fullName = data.fullName().strip();
        this.title = blankToNull(data.title());
        this.unit = unit;
        this.roles = EnumSet.copyOf(data.roles());
        this.phone = blankToNull(data.phone());
        this.email = blankToNull(data.email());
        this.enabled = data.enabled();
    }

    /** 三员分立: the system, security and audit administrators are three people. */
    static void requireOneAdministratorRoleAtMost(java.util.Set<Role> roles) {
        if (roles.stream().filter(Role.THREE_ADMINISTRATORS::contains).count() > 1) {
            throw new DomainRuleViolation("三员分立：系统管理员、安全管理员、审计管理员不能由同一人兼任");
        }
    }

    /** The administrators' roles this person holds. */
    public java.util.Set<Role> administratorRoles() {
        java.util.Set<Role> held = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role.THREE_ADMINISTRATORS::contains).forEach(held::add);
        return held;
    }

    void assignRoles(java.util.Set<Role> newRoles) {
        if (newRoles.isEmpty()) {
            throw new DomainRuleViolation("人员至少应有一个角色");
        }
        requireOneAdministratorRoleAtMost(newRoles);
        this.roles = EnumSet.copyOf(newRoles);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void changePassword(String newHash, boolean temporary, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = temporary;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    /** Returns true if this failure locked the account. */
    boolean recordFailedSignIn(Instant now, int maxFailures, Duration lockout) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failedSignIns = 0;
            lockedUntil = null;
        }
        failedSignIns++;
        if (failedSignIns >= maxFailures && lockedUntil == null) {
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    void recordSignIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    void recordInteractiveSignIn(Instant at, String from) {
        this.lastSignInAt = at;
        this.lastSignInFrom = from == null ? null : from.length() > 100 ? from.substring(0, 100) : from;
    }

    /** 三员分立's administrators must sign in with a second factor (unless a demonstration turned it off); anyone else may choose to. */
    boolean secondFactorRequired(boolean forAdministrators) {
        return totpEnabled || forAdministrators && !administratorRoles().isEmpty();
    }

    public boolean secondFactorEnabled() {
        return totpEnabled;
    }

    void startSecondFactor(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = false;
        this.totpLastStep = null;
        this.recoveryCodes = null;
    }

    String pendingOrActiveSecret() {
        return totpSecret;
    }

    void confirmSecondFactor(long step, java.util.List<String> recoveryDigests) {
        this.totpEnabled = true;
        this.totpLastStep = step;
        this.recoveryCodes = String.join(",", recoveryDigests);
    }

    void removeSecondFactor() {
        startSecondFactor(null);
    }

    /** Accepts the step if it is later than the last one accepted. */
    boolean acceptStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    /** Uses up a recovery code given by its digest; false if it is not (or no longer) one of them. */
    boolean useRecoveryCode(String digest) {
        if (recoveryCodes == null || recoveryCodes.isBlank()) {
            return false;
        }
        java.util.List<String> left = new java.util.ArrayList<>(java.util.Arrays.asList(recoveryCodes.split(",")));
        if (!left.remove(digest)) {
            return false;
        }
        recoveryCodes = String.join(",", left);
        return true;
    }

    int recoveryCodesLeft() {
        return recoveryCodes == null || recoveryCodes.isBlank() ? 0 : recoveryCodes.split(",").length;
    }

    /** 等保: a password older than the maximum age must be changed before anything else. */
    boolean passwordExpiredAt(Instant now, java.time.Duration maxAge) {
        return passwordChangedAt != null && passwordChangedAt.plus(maxAge).isBefore(now);
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public String lastSignInFrom() {
        return lastSignInFrom;
    }

    void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    int failedSignIns() {
        return failedSignIns;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", username);
        s.put("fullName", fullName);
        s.put("title", title);
        s.put("unit", unit == null ? null : unit.id());
        s.put("roles", roles.stream().map(Enum::name).sorted().toList());
        s.put("enabled", enabled);
        // the audit keeps who changed what, not the personal data itself (等保: personal data encrypted at rest)
        s.put("phone", Masks.phone(phone));
        s.put("email", Masks.email(email));
        return s;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    /** The post (职务) as releases name it, or null. */
    public String title() {
        return title;
    }

    /** The name as a text writes it: the full name without a remark in brackets ("何明（县长）" → 何明). */
    public String writtenName() {
        int bracket = fullName.indexOf('（');
        return (bracket > 0 ? fullName.substring(0, bracket) : fullName).strip();
    }

    public Unit unit() {
        return unit;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public List<String> roleLabels() {
        return roles.stream().map(Role::label).toList();
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public long version() {
        return version;
    }
}

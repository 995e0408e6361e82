package cn.yuqing.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/** Accounts: people as users, their passwords, sign-in and lock-out. */
@Service
@Transactional
public class Accounts implements UserDetailsService {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final PersonRepository people;
    private final UnitRepository units;
    private final PasswordEncoder encoder;
    private final AccountSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OrganisationDirectory directory;
    private final Permissions permissions;
    private final SecureRandom random = new SecureRandom();

    Accounts(PersonRepository people, UnitRepository units, PasswordEncoder encoder, AccountSettings settings, Clock clock,
            ApplicationEventPublisher events, OrganisationDirectory directory, Permissions permissions) {
        this.people = people;
        this.units = units;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.directory = directory;
        this.permissions = permissions;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInPerson loadUserByUsername(String username) {
        Person person = people.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        Instant now = clock.instant();
        boolean expired = settings.passwordsExpire() && person.passwordExpiredAt(now, settings.passwordMaxAge());
        return new SignedInPerson(person, person.isLockedAt(now), permissions.of(person.roles()), expired,
                person.secondFactorRequired(settings.secondFactorForAdministrators()));
    }

    /** The person behind the current request, if signed in. */
    public static Optional<SignedInPerson> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInPerson p ? Optional.of(p) : Optional.empty();
    }

    /**
     * The person behind the current request. The endpoint's rule already required a sign-in, so nobody
     * being signed in here is a programming error, not a case to handle.
     */
    public static SignedInPerson signedIn() {
        return current().orElseThrow();
    }

    /** Whether the person behind the current request holds the permission; nobody signed in holds none. */
    private static boolean currentCan(String permission) {
        return current().map(p -> p.can(permission)).orElse(false);
    }

    /** The data scope of the person behind the current request; empty when nobody is signed in. */
    @Transactional(readOnly = true)
    public DataScope currentScope() {
        return current().flatMap(p -> people.findById(p.personId())).map(directory::scopeOf)
                .orElse(DataScope.units(java.util.Set.of()));
    }

    /** Creates the person and returns the one-time password to hand over; they must change it at first sign-in. */
    public NewAccount createPerson(String username, PersonData data) {
        if (username != null && people.findByUsername(username).isPresent()) {
            throw new DomainRuleViolation("用户名已被使用：" + username);
        }
        checkUnitInScope(data.unitId());
        checkAdministratorRoles(Set.of(), data.roles());
        String password = generatePassword();
        Person person = people.save(new Person(username, data, unitOf(data), encoder.encode(password)));
        events.publishEvent(DirectoryChanged.of("organisation:person:create", "person/" + person.id(), null,
                person.snapshot()));
        return new NewAccount(person, password);
    }

    public record NewAccount(Person person, String oneTimePassword) {
    }

    public Person updatePerson(Long id, long expectedVersion, PersonData data) {
        Person person = directory.requirePerson(id, currentScope());
        if (person.version() != expectedVersion) {
            throw new DomainRuleViolation("该人员信息已被他人修改，请刷新后重新编辑");
        }
        checkUnitInScope(data.unitId());
        requireMayManage(person);
        // the account form sets the roles of the work; the administrators' roles stay as the security administrator set them
        Set<Role> roles = EnumSet.copyOf(person.administratorRoles());
        data.roles().stream().filter(r -> !Role.THREE_ADMINISTRATORS.contains(r)).forEach(roles::add);
        checkAdministratorRoles(person.administratorRoles(), data.roles());
        Map<String, Object> before = person.snapshot();
        person.apply(new PersonData(data.fullName(), data.unitId(), roles, data.phone(), data.email(), data.enabled(), data.title()), unitOf(data));
        events.publishEvent(DirectoryChanged.of("organisation:person:update", "person/" + id, before, person.snapshot()));
        return person;
    }

    /**
     * 三员分立: the security administrator grants and withdraws roles, the administrators' included;
     * the system administrator's account form sets only the roles of the work.
     */
    public Person assignRoles(Long id, long expectedVersion, Set<Role> roles) {
        if (!currentCan(OrganisationPermissions.ROLE_ASSIGN)) {
            throw new DomainRuleViolation("只有安全管理员可以授予、收回角色");
        }
        Person person = directory.requirePerson(id, currentScope());
        if (person.version() != expectedVersion) {
            throw new DomainRuleViolation("该人员信息已被他人修改，请刷新后重新编辑");
        }
        if (current().map(p -> p.personId().equals(id)).orElse(false)) {
            throw new DomainRuleViolation("三员分立：不能给自己授予或收回角色");
        }
        Map<String, Object> before = person.snapshot();
        person.assignRoles(roles);
        events.publishEvent(DirectoryChanged.of("organisation:role:assign", "person/" + id, before, person.snapshot()));
        return person;
    }

    /**
     * 三员分立: the security and audit administrators' accounts (their password, lock, data) are the
     * security administrator's to manage, so that the system administrator cannot take one over with a
     * reset; everyone else's are the system administrator's.
     */
    private void requireMayManage(Person target) {
        boolean guarded = target.roles().contains(Role.SECURITY_ADMINISTRATOR) || target.roles().contains(Role.AUDIT_ADMINISTRATOR);
        if (!currentCan(guarded ? OrganisationPermissions.ROLE_ASSIGN : OrganisationPermissions.PERSON_EDIT)) {
            throw new DomainRuleViolation(guarded ? "三员分立：安全管理员、审计管理员的账户只能由安全管理员重置密码、解锁或修改"
                    : "只有系统管理员可以重置该账户的密码、解锁或修改");
        }
    }

    private void checkAdministratorRoles(Set<Role> held, Set<Role> asked) {
        Set<Role> askedAdministrator = EnumSet.noneOf(Role.class);
        asked.stream().filter(Role.THREE_ADMINISTRATORS::contains).forEach(askedAdministrator::add);
        if (!askedAdministrator.isEmpty() && !askedAdministrator.equals(held)
                && !currentCan(OrganisationPermissions.ROLE_ASSIGN)) {
            throw new DomainRuleViolation("三员分立：系统管理员、安全管理员、审计管理员角色只能由安全管理员授予");
        }
    }

    /** An administrator cannot place people in units outside their own scope. */
    private void checkUnitInScope(Long unitId) {
        if (unitId != null && !currentScope().covers(unitId)) {
            throw new DomainRuleViolation("只能把人员安排到您管理范围内的单位");
        }
    }

    private Unit unitOf(PersonData data) {
        if (data.unitId() == null) {
            throw new DomainRuleViolation("人员必须属于某一单位");
        }
        return units.findById(data.unitId()).orElseThrow(() -> new DomainRuleViolation("单位不存在"));
    }

    /** An administrator's reset: a new one-time password, and the lock lifted. */
    public String resetPassword(Long id) {
        Person person = directory.requirePerson(id, currentScope());
        requireMayManage(person);
        String password = generatePassword();
        person.changePassword(encoder.encode(password), true, clock.instant());
        events.publishEvent(AccountEvent.passwordChanged(person.username(), true));
        return password;
    }

    public void unlock(Long id) {
        Person person = directory.requirePerson(id, currentScope());
        requireMayManage(person);
        person.unlock();
        events.publishEvent(AccountEvent.unlocked(person.username()));
    }

    public void changeOwnPassword(String username, String current, String proposed, String repeated) {
        Person person = people.findByUsername(username).orElseThrow(() -> new NotFound("账户"));
        if (current == null || !encoder.matches(current, person.passwordHash())) {
            throw new DomainRuleViolation("当前密码不正确");
        }
        if (proposed == null || !proposed.equals(repeated)) {
            throw new DomainRuleViolation("两次输入的新密码不一致");
        }
        checkStrength(proposed, username);
        if (encoder.matches(proposed, person.passwordHash())) {
            throw new DomainRuleViolation("新密码不能与当前密码相同");
        }
        person.changePassword(encoder.encode(proposed), false, clock.instant());
        events.publishEvent(AccountEvent.passwordChanged(username, false));
    }

    private void checkStrength(String password, String username) {
        if (password.length() < settings.minPasswordLength() || password.length() > 128) {
            throw new DomainRuleViolation("新密码长度应为" + settings.minPasswordLength() + "至128位");
        }
        int classes = (password.matches(".*[a-z].*") ? 1 : 0) + (password.matches(".*[A-Z].*") ? 1 : 0)
                + (password.matches(".*[0-9].*") ? 1 : 0) + (password.matches(".*[^A-Za-z0-9].*") ? 1 : 0);
        if (classes < 3) {
            throw new DomainRuleViolation("新密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new DomainRuleViolation("新密码不能包含用户名");
        }
    }

    String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        // one of each class so that the generated password passes our own rule
        return sb.append("-7a").toString();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        String username = String.valueOf(failure.getAuthentication().getName());
        people.findByUsername(username).ifPresent(person -> {
            boolean locked = person.recordFailedSignIn(clock.instant(), settings.maxFailedSignIns(), settings.lockout());
            events.publishEvent(AccountEvent.signInFailed(username, person.failedSignIns(), locked));
        });
    }

    /** A sign-in on the sign-in page (not each call of the API): when and from where, shown at the next. */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent success) {
        String from = success.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        people.findByUsername(success.getAuthentication().getName())
                .ifPresent(person -> person.recordInteractiveSignIn(clock.instant(), from));
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        people.findByUsername(success.getAuthentication().getName()).ifPresent(person -> {
            // with a second factor the sign-in is complete only after the code, which clears the failures then
            if (!person.secondFactorEnabled()) {
                person.recordSignIn();
            }
            events.publishEvent(AccountEvent.signedIn(person.username()));
        });
    }

    /**
     * The installation's first system, security and audit administrators (三员分立), each made once
     * when nobody holds the role. The system administrator's password is the configured one, the
     * others' too when configured; otherwise a generated one that the caller prints once: there is no
     * well-known default.
     */
    public java.util.List<FirstAdministrator> ensureTheThreeAdministrators() {
        java.util.List<FirstAdministrator> made = new java.util.ArrayList<>();
        ensure(Role.ADMINISTRATOR, "admin", settings.initialAdminPassword()).ifPresent(made::add);
        ensure(Role.SECURITY_ADMINISTRATOR, "secadmin", settings.initialSecurityAdminPassword()).ifPresent(made::add);
        ensure(Role.AUDIT_ADMINISTRATOR, "auditadmin", settings.initialAuditAdminPassword()).ifPresent(made::add);
        return made;
    }

    private Optional<FirstAdministrator> ensure(Role role, String username, String configured) {
        if (people.existsWithRole(role) || people.findByUsername(username).isPresent()) {
            return Optional.empty();
        }
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        Person admin = people.save(Person.firstAdministrator(username, role, encoder.encode(password), generated));
        events.publishEvent(DirectoryChanged.of("organisation:person:create", "person/" + admin.id(), null, admin.snapshot()));
        return Optional.of(new FirstAdministrator(admin.username(), role.label(), generated ? password : null));
    }

    /** The generated password is null when it came from configuration. */
    public record FirstAdministrator(String username, String role, String generatedPassword) {
    }
}

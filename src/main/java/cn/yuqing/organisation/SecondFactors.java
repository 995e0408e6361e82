package cn.yuqing.organisation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Hashes;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.WallClock;

/**
 * The second factor of 等保 level 3 (8.1.4.1 d): a time-based one-time password (RFC 6238) from an
 * authenticator app, enrolled by scanning a QR code on a phone page and confirmed with a first code;
 * ten recovery codes for a lost phone, each good once. Counted on the machine's clock (the phone's
 * time is real time, never the demonstration's); a code is accepted in its 30-second step or the
 * one either side, and never twice.
 */
@Service
@Transactional
public class SecondFactors {

    /**
     * The session attribute a right code sets. A person with a second factor is served nothing
     * without it, so that no failure between the password and the code step can let them through.
     */
    public static final String PASSED = "yuqing.secondFactorPassed";

    static final String ISSUER = "舆情回应平台";
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PersonRepository people;
    private final WallClock wall;
    private final ApplicationEventPublisher events;
    private final AccountSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(PersonRepository people, WallClock wall, ApplicationEventPublisher events, AccountSettings settings,
            Clock clock) {
        this.people = people;
        this.wall = wall;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the enrolment page shows: the secret to type in and the URI the QR code carries. */
    public record Enrolment(String secret, String uri) {
    }

    /** Starts (or starts again) an enrolment: a new secret, not in use until confirmed. */
    public Enrolment start(Long personId) {
        Person person = require(personId);
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String base32 = Totp.base32(secret);
        person.startSecondFactor(base32);
        return enrolment(person, base32);
    }

    /** The enrolment in progress, to show it again (a reload of the page). */
    @Transactional(readOnly = true)
    public Optional<Enrolment> pending(Long personId) {
        Person person = require(personId);
        String secret = person.pendingOrActiveSecret();
        return secret == null || person.secondFactorEnabled() ? Optional.empty()
                : Optional.of(enrolment(person, secret));
    }

    private static Enrolment enrolment(Person person, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + person.username(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        String issuer = URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS);
    }

    /** The first code confirms the phone has the secret; the recovery codes are returned once, to be written down. */
    public List<String> confirm(Long personId, String code) {
        Person person = require(personId);
        String secret = person.pendingOrActiveSecret();
        if (secret == null || person.secondFactorEnabled()) {
            throw new DomainRuleViolation("请先扫描二维码开始绑定");
        }
        long step = matchingStep(secret, code).orElseThrow(() -> new DomainRuleViolation("动态口令不正确，请核对手机时间后重试"));
        List<String> codes = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                c.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(c.substring(0, 5) + "-" + c.substring(5));
            digests.add(Hashes.sha256(c.toString()));
        }
        person.confirmSecondFactor(step, digests);
        events.publishEvent(AccountEvent.secondFactor(person.username(), "enrolled"));
        return codes;
    }

    /** The sign-in's second step: a code from the app, or an unused recovery code. */
    public boolean verify(Long personId, String code) {
        Person person = require(personId);
        if (!person.secondFactorEnabled() || code == null) {
            return false;
        }
        String typed = code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        boolean ok = !person.isLockedAt(clock.instant()) && (typed.length() == 10 ? person.useRecoveryCode(Hashes.sha256(typed))
                : matchingStep(person.pendingOrActiveSecret(), typed).map(person::acceptStep).orElse(false));
        if (ok) {
            person.recordSignIn();
        } else {
            // a wrong code counts as a wrong password: a new sign-in does not buy new guesses
            person.recordFailedSignIn(clock.instant(), settings.maxFailedSignIns(), settings.lockout());
        }
        events.publishEvent(AccountEvent.secondFactor(person.username(), ok ? "verified" : "refused"));
        return ok;
    }

    /** Whether wrong codes (with wrong passwords) have locked the account. */
    @Transactional(readOnly = true)
    public boolean lockedOut(Long personId) {
        return require(personId).isLockedAt(clock.instant());
    }

    /** Turning it off: for those who chose it; the three administrators keep theirs. */
    public void remove(Long personId) {
        Person person = require(personId);
        if (!person.administratorRoles().isEmpty()) {
            throw new DomainRuleViolation("三员账户必须使用动态口令，不能关闭");
        }
        person.removeSecondFactor();
        events.publishEvent(AccountEvent.secondFactor(person.username(), "removed"));
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(Long personId) {
        return require(personId).recoveryCodesLeft();
    }

    private Optional<Long> matchingStep(String secret, String code) {
        if (secret == null || code == null || !code.strip().matches("\\d{6}")) {
            return Optional.empty();
        }
        byte[] key = Totp.fromBase32(secret);
        long now = Totp.step(wall.now());
        for (long step = now - 1; step <= now + 1; step++) {
            if (Totp.code(key, step, 6).equals(code.strip())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private Person require(Long personId) {
        return people.findById(personId).orElseThrow(() -> new NotFound("人员"));
    }
}

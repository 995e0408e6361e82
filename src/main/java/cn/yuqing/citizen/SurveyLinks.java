package cn.yuqing.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey link: {@code /public/survey/<id>.<expiry>.<nonce>.<signature>}, the signature an
 * HMAC-SHA256 with the installation's survey key (kept encrypted in the database, so every node
 * signs alike) over the other three parts. A forged, altered or truncated link opens nothing; an
 * expired or used one says so; a survey is found only if its stored nonce matches too.
 */
@Component
class SurveyLinks {

    record Parsed(long surveyId, long expiresEpochSecond, String nonce) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyKeyRepository keys;
    private final TransactionTemplate separately;
    private final java.time.Clock clock;
    private volatile byte[] key;

    SurveyLinks(SurveyKeyRepository keys, PlatformTransactionManager transactions, java.time.Clock clock) {
        this.keys = keys;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String path(Survey s) {
        String payload = s.id() + "." + s.expiresAt().getEpochSecond() + "." + s.nonce();
        return "/public/survey/" + payload + "." + sign(payload);
    }

    /** The link's parts if its signature is right; empty for anything else, whatever is wrong with it. */
    Optional<Parsed> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean matches(Survey s, Parsed link) {
        return s.expiresAt().getEpochSecond() == link.expiresEpochSecond()
                && MessageDigest.isEqual(s.nonce().getBytes(StandardCharsets.US_ASCII), link.nonce().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            SurveyKey stored = keys.findById(SurveyKey.ONLY).orElseGet(this::create);
            known = key = Base64.getDecoder().decode(stored.secret());
        }
        return known;
    }

    /** The first link ever made creates the key, committed on its own; a node losing the race reads the winner's. */
    private SurveyKey create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        try {
            return separately.execute(status -> keys.saveAndFlush(new SurveyKey(Base64.getEncoder().encodeToString(bytes),
                    clock.instant())));
        } catch (org.springframework.dao.DataIntegrityViolationException lost) {
            return separately.execute(status -> keys.findById(SurveyKey.ONLY).orElseThrow());
        }
    }
}

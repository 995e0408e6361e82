package cn.yuqing.citizen;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import cn.yuqing.shared.Encrypted;

/** The installation's key for signing survey links: one row, encrypted at rest. */
@Entity
class SurveyKey {

    static final long ONLY = 1L;

    @Id
    private Long id = ONLY;

    @Convert(converter = Encrypted.class)
    private String secret;

    private Instant createdAt;

    protected SurveyKey() {
    }

    SurveyKey(String secret, Instant at) {
        this.secret = secret;
        this.createdAt = at;
    }

    String secret() {
        return secret;
    }
}

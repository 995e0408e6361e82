package cn.yuqing.response;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;

/** A proofreading finding a reviewer let pass on one release, with the reason, on record. */
@Entity
public class ProofreadingOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long releaseId;

    private String finding;

    private String reason;

    private String byUsername;

    private Instant decidedAt;

    protected ProofreadingOverride() {
    }

    ProofreadingOverride(Long releaseId, String finding, String reason, String by, Instant now) {
        String r = reason == null ? "" : reason.strip();
        if (r.length() < 4 || r.length() > 500) {
            throw new DomainRuleViolation("4.4", "放行须说明理由（4至500字）");
        }
        this.releaseId = releaseId;
        this.finding = finding;
        this.reason = r;
        this.byUsername = by;
        this.decidedAt = now;
    }

    public Long releaseId() { return releaseId; }
    public String finding() { return finding; }
    public String reason() { return reason; }
    public String byUsername() { return byUsername; }
    public Instant decidedAt() { return decidedAt; }
}

package cn.yuqing.response;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * 4.4: clues of illegal acts behind a false claim, handed to the police or the internet regulator:
 * of the event, when it is a false claim as a whole, or of one item of it (a rumour inside a true event).
 */
@Entity
public class Referral {

    public enum Recipient {
        POLICE("公安机关"), CYBERSPACE("网络监管部门（网信）");

        private final String label;

        Recipient(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    /** The item that carries the clue, where the event as a whole is not a false claim. */
    private Long itemId;

    @Enumerated(EnumType.STRING)
    private Recipient recipient;

    private String handedOver;

    private Instant referredAt;

    private String referredBy;

    private String receipt;

    protected Referral() {
    }

    Referral(Long eventId, Long itemId, Recipient recipient, String handedOver, String receipt, String by, Instant at) {
        if (recipient == null) {
            throw new DomainRuleViolation("4.4", "请选择移交对象");
        }
        if (handedOver == null || handedOver.isBlank() || handedOver.strip().length() > 2000) {
            throw new DomainRuleViolation("4.4", "请写明移交的线索和材料（2000字以内）");
        }
        this.eventId = eventId;
        this.itemId = itemId;
        this.recipient = recipient;
        this.handedOver = handedOver.strip();
        this.receipt = receipt == null || receipt.isBlank() ? null : receipt.strip().length() > 500 ? receipt.strip().substring(0, 500)
                : receipt.strip();
        this.referredBy = by;
        this.referredAt = at;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public Long itemId() { return itemId; }
    public Recipient recipient() { return recipient; }
    public String handedOver() { return handedOver; }
    public Instant referredAt() { return referredAt; }
    public String referredAtText() { return Times.format(referredAt); }
    public String referredBy() { return referredBy; }
    public String receipt() { return receipt; }
}

package cn.yuqing.citizen;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Encrypted;
import cn.yuqing.shared.Times;

/** The answer a unit gave the citizen who raised the matter, and how it reached them. */
@Entity
public class CitizenReply {

    public enum Channel {
        SMS("短信"), EMAIL("电子邮件"), PHONE("电话答复"), IN_PERSON("当面答复");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Sent by the system, not only recorded as given. */
        public boolean sent() {
            return this == SMS || this == EMAIL;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Long orderId;

    private Long unitId;

    private Long itemId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    /** The address the answer went to: personal data, encrypted at rest. */
    @Convert(converter = Encrypted.class)
    private String contact;

    private String text;

    private Instant repliedAt;

    private String repliedBy;

    protected CitizenReply() {
    }

    CitizenReply(Long eventId, Long orderId, Long unitId, Long itemId, Channel channel, String contact, String text, Instant at,
            String by) {
        this.eventId = eventId;
        this.orderId = orderId;
        this.unitId = unitId;
        this.itemId = itemId;
        this.channel = channel;
        this.contact = contact;
        this.text = text;
        this.repliedAt = at;
        this.repliedBy = by;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public Long orderId() { return orderId; }
    public Long unitId() { return unitId; }
    public Long itemId() { return itemId; }
    public Channel channel() { return channel; }
    String contact() { return contact; }
    /** The address as anyone may see it: 138****1234, z***@example.com. */
    public String contactMasked() { return Contacts.mask(contact); }
    public String text() { return text; }
    public Instant repliedAt() { return repliedAt; }
    public String repliedAtText() { return Times.format(repliedAt); }
    public String repliedBy() { return repliedBy; }
}

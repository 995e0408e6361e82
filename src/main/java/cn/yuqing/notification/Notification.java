package cn.yuqing.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.yuqing.shared.Times;

/** One notice to one person. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long recipientId;

    private String title;

    private String body;

    private String link;

    private boolean urgent;

    private Instant createdAt;

    private Instant readAt;

    protected Notification() {
    }

    Notification(Long recipientId, String title, String body, String link, boolean urgent, Instant createdAt) {
        this.recipientId = recipientId;
        this.title = clip(title, 200);
        this.body = clip(body, 2000);
        this.link = link != null && link.startsWith("/") && !link.startsWith("//") ? clip(link, 500) : null;
        this.urgent = urgent;
        this.createdAt = createdAt;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() { return id; }
    public Long recipientId() { return recipientId; }
    public String title() { return title; }
    public String body() { return body; }
    public String link() { return link; }
    public boolean urgent() { return urgent; }
    public Instant createdAt() { return createdAt; }
    public Instant readAt() { return readAt; }
    public boolean read() { return readAt != null; }
    public String createdAtText() { return Times.format(createdAt); }
}

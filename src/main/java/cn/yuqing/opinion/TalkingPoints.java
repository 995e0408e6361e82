package cn.yuqing.opinion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.Times;

/** 口径: one version of the agreed wording; every version is kept (3.1.1: one voice). */
@Entity
public class TalkingPoints {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private int version;

    private String text;

    private String author;

    private Instant createdAt;

    protected TalkingPoints() {
    }

    TalkingPoints(Long eventId, int version, String text, String author, Instant createdAt) {
        this.eventId = eventId;
        this.version = version;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public int version() { return version; }
    public String text() { return text; }
    public String author() { return author; }
    public String createdAtText() { return Times.format(createdAt); }
}

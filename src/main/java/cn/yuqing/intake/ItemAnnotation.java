package cn.yuqing.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/** A correction or remark about an item; the item itself is never edited. */
@Entity
public class ItemAnnotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    private Long authorId;

    private String authorName;

    private String body;

    private Instant createdAt;

    protected ItemAnnotation() {
    }

    ItemAnnotation(Long itemId, Long authorId, String authorName, String body, Instant createdAt) {
        if (body == null || body.isBlank() || body.strip().length() > 4000) {
            throw new DomainRuleViolation("批注内容不能为空，且不超过4000字");
        }
        this.itemId = itemId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body.strip();
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public String authorName() { return authorName; }
    public String body() { return body; }
    public String createdAtText() { return Times.format(createdAt); }
}

package cn.yuqing.intake;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

import cn.yuqing.shared.Encrypted;
import cn.yuqing.shared.Times;

/**
 * One collected post, message, letter, call or visit record: the raw evidence. Its content is
 * fixed once collected (no setters); corrections are annotations. The unit is the owning unit of
 * its channel at collection time and decides who may read it.
 */
@Entity
@Indexed(index = "opinion_item")
public class OpinionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @GenericField
    private Long channelId;

    @GenericField
    private Long unitId;

    private String externalId;

    private String url;

    private String urlKey;

    @FullTextField(analyzer = "chinese", highlightable = Highlightable.ANY, projectable = Projectable.YES)
    private String title;

    @FullTextField(analyzer = "chinese", highlightable = Highlightable.ANY, projectable = Projectable.YES)
    private String body;

    private String author;

    /** The way back to the author (a letter's e-mail address): personal data, encrypted at rest, shown to nobody as the author. */
    @Convert(converter = Encrypted.class)
    private String contact;

    private Instant publishedAt;

    @GenericField(sortable = Sortable.YES)
    private Instant discoveredAt;

    private String collectedBy;

    private Long collectedByPersonId;

    private Long sourceId;

    private Long patrolId;

    /** What the item replies to or reposts, as the sender named it (external id or URL). */
    private String replyTo;
    /** The stored item that is, when intake knew it. */
    private Long parentId;

    private Long reposts;
    private Long comments;
    private Long likes;
    private Long views;

    private boolean urgent;

    private String urgentReason;

    private Instant reportedAt;

    protected OpinionItem() {
    }

    OpinionItem(Channel channel, ItemSubmission s, String urlKey, Provenance provenance, Instant discoveredAt) {
        this.channelId = channel.id();
        this.unitId = channel.unitId();
        this.externalId = s.externalId();
        this.url = s.url();
        this.urlKey = urlKey;
        this.title = s.title();
        this.body = s.text();
        this.author = s.author();
        this.contact = s.contact();
        this.publishedAt = s.publishedAt();
        this.discoveredAt = discoveredAt;
        this.collectedBy = provenance.name();
        this.collectedByPersonId = provenance.personId();
        this.sourceId = provenance.sourceId();
        this.patrolId = provenance.patrolId();
        this.replyTo = s.replyTo();
        this.reposts = s.reposts();
        this.comments = s.comments();
        this.likes = s.likes();
        this.views = s.views();
        this.urgent = s.urgent();
        this.urgentReason = s.urgent() ? s.urgentReason() : null;
    }

    void repliesTo(Long parent) {
        this.parentId = parent;
    }

    public String replyTo() { return replyTo; }
    public Long parentId() { return parentId; }

    /** 4.1: "一旦发现问题及时上报". Flagging is an act about the item, not an edit of its content. */
    boolean flagUrgent(String reason) {
        if (urgent && reportedAt != null) {
            return false;
        }
        urgent = true;
        urgentReason = reason;
        return true;
    }

    void reported(Instant at) {
        reportedAt = at;
    }

    public Long id() { return id; }
    public Long channelId() { return channelId; }
    public Long unitId() { return unitId; }
    public String externalId() { return externalId; }
    public String url() { return url; }
    public String title() { return title; }
    public String body() { return body; }
    public String author() { return author; }
    public String contact() { return contact; }
    public Instant publishedAt() { return publishedAt; }
    public Instant discoveredAt() { return discoveredAt; }
    public String collectedBy() { return collectedBy; }
    public Long sourceId() { return sourceId; }
    public Long patrolId() { return patrolId; }
    public Long reposts() { return reposts; }
    public Long comments() { return comments; }
    public Long likes() { return likes; }
    public Long views() { return views; }
    public boolean urgent() { return urgent; }
    public String urgentReason() { return urgentReason; }
    public Instant reportedAt() { return reportedAt; }
    public String discoveredAtText() { return Times.format(discoveredAt); }
    public String publishedAtText() { return Times.format(publishedAt); }

    /** A title for lists: the given one, or the start of the text. */
    public String headline() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
    }
}

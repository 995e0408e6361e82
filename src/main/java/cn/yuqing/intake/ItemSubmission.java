package cn.yuqing.intake;

import java.time.Instant;
import java.util.List;

/**
 * An item as it arrives, from any way in, before validation. {@code replyTo} names what it replies
 * to or reposts (the parent's external id in the same channel, or its URL), if the source says. Texts are untrusted: they are stored
 * as given (less control characters) and escaped wherever shown.
 */
public record ItemSubmission(Long channelId, String externalId, String url, String title, String text, String author,
        Instant publishedAt, Long reposts, Long comments, Long likes, Long views, boolean urgent, String urgentReason,
        List<Upload> attachments, String replyTo, String contact) {

    public ItemSubmission {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An item that replies to nothing. */
    public ItemSubmission(Long channelId, String externalId, String url, String title, String text, String author,
            Instant publishedAt, Long reposts, Long comments, Long likes, Long views, boolean urgent, String urgentReason,
            List<Upload> attachments) {
        this(channelId, externalId, url, title, text, author, publishedAt, reposts, comments, likes, views, urgent, urgentReason,
                attachments, null, null);
    }

    /** An item that may reply to another, with no way back to its author. */
    public ItemSubmission(Long channelId, String externalId, String url, String title, String text, String author,
            Instant publishedAt, Long reposts, Long comments, Long likes, Long views, boolean urgent, String urgentReason,
            List<Upload> attachments, String replyTo) {
        this(channelId, externalId, url, title, text, author, publishedAt, reposts, comments, likes, views, urgent, urgentReason,
                attachments, replyTo, null);
    }

    /**
     * The same item with the way back to its author (a letter's e-mail address): personal data, kept
     * encrypted and never shown as the author.
     */
    public ItemSubmission withContact(String contact) {
        return new ItemSubmission(channelId, externalId, url, title, text, author, publishedAt, reposts, comments, likes, views,
                urgent, urgentReason, attachments, replyTo, contact);
    }

    /**
     * The same item replying to (or reposting) {@code parent}: the parent's external id in the
     * same channel, or its URL.
     */
    public ItemSubmission replyingTo(String parent) {
        return new ItemSubmission(channelId, externalId, url, title, text, author, publishedAt, reposts, comments, likes, views,
                urgent, urgentReason, attachments, parent, contact);
    }

    /** A file as uploaded; checked by the attachment store. */
    public record Upload(String fileName, String declaredType, byte[] content) {
    }

    public static ItemSubmission of(Long channelId, String externalId, String url, String title, String text, String author,
            Instant publishedAt) {
        return new ItemSubmission(channelId, externalId, url, title, text, author, publishedAt, null, null, null, null, false,
                null, List.of());
    }
}

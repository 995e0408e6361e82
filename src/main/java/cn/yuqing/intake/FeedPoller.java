package cn.yuqing.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls portal RSS/Atom feeds (Rome). Entries become items keyed by their GUID or link, so a
 * feed read a hundred times yields each entry once. Charsets that portals still use (GB2312 served
 * as plain {@code text/xml}) are detected from the XML prolog.
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final int MAX_FEED_BYTES = 5 * 1024 * 1024;

    private final Sources sources;
    private final ItemIntake intake;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    FeedPoller(Sources sources, ItemIntake intake, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.clock = clock;
    }

    /** Polls every feed that is due; returns the number of items created. */
    int pollDue() {
        int created = 0;
        for (IntakeSource source : sources.active(SourceKind.FEED)) {
            if (source.duePoll(clock.instant())) {
                created += poll(source);
            }
        }
        return created;
    }

    int poll(IntakeSource source) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(source.feedUrl())).timeout(Duration.ofSeconds(20))
                    .header("User-Agent", "yuqing-huiying/feed").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                sources.failed(source.id(), "订阅地址返回 HTTP " + response.statusCode());
                return 0;
            }
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_FEED_BYTES + 1);
            }
            if (bytes.length > MAX_FEED_BYTES) {
                sources.failed(source.id(), "订阅内容超过5MB");
                return 0;
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
            List<ItemSubmission> submissions = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                submissions.add(toSubmission(entry, source.channelId()));
            }
            int created = 0;
            for (int i = 0; i < submissions.size(); i += ItemIntake.MAX_BATCH) {
                created += (int) intake.receive(submissions.subList(i, Math.min(submissions.size(), i + ItemIntake.MAX_BATCH)),
                        Provenance.source(source)).stream().filter(r -> r.status() == IntakeResult.Status.CREATED).count();
            }
            sources.delivered(source.id(), created);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            log.warn("feed {} failed: {}", source.name(), e.toString());
            sources.failed(source.id(), "读取订阅失败：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : "：" + e.getMessage()));
            return 0;
        }
    }

    static ItemSubmission toSubmission(SyndEntry entry, Long channelId) {
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
        String text = plain(entry.getDescription());
        if (text.isBlank() && !entry.getContents().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SyndContent c : entry.getContents()) {
                sb.append(plain(c)).append('\n');
            }
            text = sb.toString().strip();
        }
        if (text.isBlank()) {
            text = entry.getTitle() == null ? "" : entry.getTitle();
        }
        var published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String link = entry.getLink() != null && entry.getLink().matches("(?i)https?://\\S+") ? entry.getLink() : null;
        ItemSubmission item = ItemSubmission.of(channelId, externalId(id), link, entry.getTitle(), text, entry.getAuthor(),
                published == null ? null : published.toInstant());
        String parent = inReplyTo(entry);
        return parent == null ? item : item.replyingTo(parent);
    }

    private static String externalId(String id) {
        return id == null ? null : id.length() > 200 ? UrlKeys.sha256(id) : id;
    }

    static final String THREADING = "http://purl.org/syndication/thread/1.0";

    /**
     * What an Atom entry replies to (RFC 4685, {@code <thr:in-reply-to ref="…" href="…"/>}): the
     * parent entry's id, as its item was keyed, else the parent's address. Comment feeds give it;
     * the reply then joins its post's candidate whatever its words.
     */
    static String inReplyTo(SyndEntry entry) {
        for (org.jdom2.Element e : entry.getForeignMarkup()) {
            if ("in-reply-to".equals(e.getName()) && THREADING.equals(e.getNamespaceURI())) {
                String ref = e.getAttributeValue("ref");
                if (ref != null && !ref.isBlank()) {
                    return externalId(ref.strip());
                }
                String href = e.getAttributeValue("href");
                if (href != null && href.strip().matches("(?i)https?://\\S+")) {
                    return href.strip();
                }
            }
        }
        return null;
    }

    static String plain(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return "";
        }
        boolean html = content.getType() == null || content.getType().contains("html");
        return html ? PlainText.fromHtml(content.getValue()) : PlainText.tidy(content.getValue());
    }
}

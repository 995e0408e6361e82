package cn.yuqing.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.FileStore;
import cn.yuqing.shared.NotFound;

/** Reading items under data scope, searching them, and the acts about an item: annotate, report. */
@Service
@Transactional
public class Items {

    private final ItemRepository items;
    private final AttachmentRepository attachments;
    private final AnnotationRepository annotations;
    private final FileStore store;
    private final ChannelRepository channels;
    private final UrgentReport urgentReport;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Items(ItemRepository items, AttachmentRepository attachments, AnnotationRepository annotations, FileStore store,
            ChannelRepository channels, UrgentReport urgentReport, EntityManager entityManager,
            ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.attachments = attachments;
        this.annotations = annotations;
        this.store = store;
        this.channels = channels;
        this.urgentReport = urgentReport;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OpinionItem require(Long id, DataScope scope) {
        return items.findById(id).filter(i -> scope.covers(i.unitId())).orElseThrow(() -> new NotFound("舆情信息"));
    }

    /** The items of these ids in one query, newest first: an event's list, not one query per item. */
    @Transactional(readOnly = true)
    public List<OpinionItem> byIds(java.util.Collection<Long> ids) {
        return items.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparing(OpinionItem::discoveredAt).thenComparing(OpinionItem::id).reversed()).toList();
    }

    @Transactional(readOnly = true)
    public List<OpinionItem> recent(DataScope scope, int limit) {
        if (scope.installationWide()) {
            return items.findAll(PageRequest.of(0, limit, org.springframework.data.domain.Sort.by("discoveredAt").descending()))
                    .getContent();
        }
        return items.findRecent(scope.queryIds(), PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<ItemAttachment> attachmentsOf(Long itemId) {
        return attachments.findByItem(itemId);
    }

    @Transactional(readOnly = true)
    public List<ItemAnnotation> annotationsOf(Long itemId) {
        return annotations.findByItem(itemId);
    }

    /** The attachment and its file, if the item is in scope. */
    @Transactional(readOnly = true)
    public Map.Entry<ItemAttachment, Path> attachment(Long attachmentId, DataScope scope) {
        ItemAttachment a = attachments.findById(attachmentId).orElseThrow(() -> new NotFound("附件"));
        require(a.itemId(), scope);
        return Map.entry(a, store.pathOf(a.sha256()));
    }

    public ItemAnnotation annotate(Long itemId, DataScope scope, SignedInPerson by, String text) {
        OpinionItem item = require(itemId, scope);
        ItemAnnotation note = annotations.save(new ItemAnnotation(item.id(), by.personId(), by.fullName(), text,
                clock.instant()));
        events.publishEvent(IntakeAudited.of("intake:item:annotate", "item/" + itemId, Map.of("annotation", note.body())));
        return note;
    }

    /** 4.1: a found problem is reported at once. Reporting twice tells nobody twice. */
    public void reportUrgent(Long itemId, DataScope scope, String reason) {
        OpinionItem item = require(itemId, scope);
        if (item.flagUrgent(reason == null || reason.isBlank() ? null : reason.strip())) {
            Instant now = clock.instant();
            urgentReport.report(item, channels.findById(item.channelId()).orElseThrow(), now);
            events.publishEvent(IntakeAudited.of("intake:item:report", "item/" + itemId,
                    Map.of("urgent", true, "reason", reason == null ? "" : reason)));
        }
    }

    /** Highlight marks are control characters, which stored text can never contain (intake strips them). */
    static final String MARK_START = "\u0002";
    static final String MARK_END = "\u0003";

    public record Hit(OpinionItem item, List<String> titleHighlights, List<String> bodyHighlights) {

        /** The snippet as pieces, marked or not, for the page to escape piece by piece. */
        public List<Piece> snippet() {
            String text = bodyHighlights.isEmpty() ? null : String.join(" … ", bodyHighlights);
            if (text == null) {
                String body = item.body();
                return List.of(new Piece(body.length() > 120 ? body.substring(0, 120) + "…" : body, false));
            }
            List<Piece> pieces = new java.util.ArrayList<>();
            for (String part : text.split(MARK_START)) {
                int end = part.indexOf(MARK_END);
                if (end < 0) {
                    pieces.add(new Piece(part, false));
                } else {
                    pieces.add(new Piece(part.substring(0, end), true));
                    pieces.add(new Piece(part.substring(end + 1), false));
                }
            }
            return pieces;
        }
    }

    public record Piece(String text, boolean marked) {
    }

    public record SearchPage(List<Hit> hits, long total) {
    }

    /**
     * Chinese full-text search (smartcn segmentation) over title and text, filtered by data scope
     * first, then by channel and time. Highlights come back as text with control-character marks,
     * which the page turns into {@code <mark>} after escaping.
     */
    @Transactional(readOnly = true)
    public SearchPage search(String query, Long channelId, Instant from, Instant to, Long unitId, DataScope scope, int limit) {
        String text = cn.yuqing.shared.SearchText.of(query);
        var session = Search.session(entityManager);
        SearchResult<Hit> result = session.search(OpinionItem.class)
                .select(f -> f.composite()
                        .from(f.entity(), f.highlight("title").highlighter("marks"), f.highlight("body").highlighter("marks"))
                        .as((item, t, b) -> new Hit(item, t, b)))
                .where((f, root) -> {
                    if (!scope.installationWide()) {
                        root.add(f.terms().field("unitId").matchingAny(scope.queryIds()));
                    }
                    if (text != null) {
                        root.add(f.simpleQueryString().fields("title", "body").matching(text)
                                .defaultOperator(org.hibernate.search.engine.search.common.BooleanOperator.AND));
                    }
                    if (channelId != null) {
                        root.add(f.match().field("channelId").matching(channelId));
                    }
                    if (unitId != null) {
                        root.add(f.match().field("unitId").matching(unitId));
                    }
                    if (from != null || to != null) {
                        root.add(f.range().field("discoveredAt").between(from, to));
                    }
                    if (root.hasClause() == false) {
                        root.add(f.matchAll());
                    }
                })
                .highlighter("marks", h -> h.plain().tag(MARK_START, MARK_END).fragmentSize(80).numberOfFragments(2))
                .sort(f -> text == null ? f.field("discoveredAt").desc() : f.score())
                .fetch(limit);
        return new SearchPage(result.hits(), result.total().hitCountLowerBound());
    }
}

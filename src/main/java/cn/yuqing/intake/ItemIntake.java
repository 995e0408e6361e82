package cn.yuqing.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.shared.FileStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * The one way items enter the record, whatever adapter they came through: validated one by one
 * (a bad item is rejected with its reason, never blocks the good ones), made idempotent by
 * (channel, external id) and by URL, stored with their attachments in one transaction.
 */
@Service
public class ItemIntake {

    public static final int MAX_BATCH = 1000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_URL = 2_000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s]+");

    private final ChannelRepository channels;
    private final ItemRepository items;
    private final AttachmentRepository attachments;
    /** At most this many attachments on one item (each at most {@link FileStore#MAX_BYTES}). */
    static final int MAX_ATTACHMENTS = 10;

    private final FileStore store;
    private final UrgentReport urgentReport;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<IntakeResult.Status, Counter> received = new java.util.EnumMap<>(IntakeResult.Status.class);

    ItemIntake(ChannelRepository channels, ItemRepository items, AttachmentRepository attachments, FileStore store,
            UrgentReport urgentReport, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
            MeterRegistry registry) {
        for (IntakeResult.Status status : IntakeResult.Status.values()) {
            received.put(status, Counter.builder("yuqing.intake.items").tag("result", status.name().toLowerCase())
                    .description("收到的信息条数（新采集、重复、被拒）").register(registry));
        }
        this.channels = channels;
        this.items = items;
        this.attachments = attachments;
        this.store = store;
        this.urgentReport = urgentReport;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public IntakeResult receive(ItemSubmission submission, Provenance provenance) {
        return receive(List.of(submission), provenance).get(0);
    }

    /**
     * Takes a batch. Two senders racing with the same item meet at the unique keys: the loser's
     * transaction rolls back and is retried once, when the item is then seen as a duplicate.
     */
    public List<IntakeResult> receive(List<ItemSubmission> batch, Provenance provenance) {
        if (batch.size() > MAX_BATCH) {
            throw new DomainRuleViolation("每批最多" + MAX_BATCH + "条，本批" + batch.size() + "条");
        }
        List<IntakeResult> results;
        try {
            results = tx.execute(status -> store(batch, provenance));
        } catch (DataIntegrityViolationException race) {
            results = tx.execute(status -> store(batch, provenance));
        }
        results.forEach(r -> received.get(r.status()).increment());
        return results;
    }

    private record Candidate(int index, ItemSubmission submission, Channel channel, String urlKey) {
    }

    private List<IntakeResult> store(List<ItemSubmission> batch, Provenance provenance) {
        Instant now = clock.instant();
        IntakeResult[] results = new IntakeResult[batch.size()];
        Map<Long, Channel> channelById = new HashMap<>();
        channels.findAllById(batch.stream().map(ItemSubmission::channelId).filter(java.util.Objects::nonNull).toList())
                .forEach(c -> channelById.put(c.id(), c));

        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                ItemSubmission clean = clean(batch.get(i), now);
                Channel channel = channelById.get(clean.channelId());
                if (channel == null || !channel.active()) {
                    throw new DomainRuleViolation("未知或已停用的渠道：" + clean.channelId());
                }
                for (ItemSubmission.Upload upload : clean.attachments()) {
                    store.check(upload.fileName(), upload.content());
                }
                candidates.add(new Candidate(i, clean, channel, UrlKeys.keyOf(clean.url())));
            } catch (DomainRuleViolation e) {
                results[i] = IntakeResult.rejected(i, e.describe());
            }
        }

        Map<String, Long> knownExternal = new HashMap<>();
        Map<Long, List<String>> externalByChannel = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.submission().externalId() != null) {
                externalByChannel.computeIfAbsent(c.channel().id(), k -> new ArrayList<>()).add(c.submission().externalId());
            }
            if (c.submission().replyTo() != null) {
                externalByChannel.computeIfAbsent(c.channel().id(), k -> new ArrayList<>()).add(c.submission().replyTo());
            }
        }
        externalByChannel.forEach((channelId, ids) -> chunks(ids).forEach(chunk -> items.findExternalIds(channelId, chunk)
                .forEach(row -> knownExternal.put(channelId + "\u0000" + row[0], (Long) row[1]))));
        Map<String, Long> knownUrl = new HashMap<>();
        chunks(java.util.stream.Stream.concat(candidates.stream().map(Candidate::urlKey),
                        candidates.stream().map(c -> parentUrlKey(c.submission())))
                .filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(chunk -> items.findUrlKeys(chunk).forEach(row -> knownUrl.put((String) row[0], (Long) row[1])));

        for (Candidate c : candidates) {
            String externalKey = c.submission().externalId() == null ? null
                    : c.channel().id() + "\u0000" + c.submission().externalId();
            Long existing = externalKey == null ? null : knownExternal.get(externalKey);
            if (existing == null && c.urlKey() != null) {
                existing = knownUrl.get(c.urlKey());
            }
            if (existing != null) {
                results[c.index()] = IntakeResult.duplicate(c.index(), existing);
                continue;
            }
            OpinionItem item = new OpinionItem(c.channel(), c.submission(), c.urlKey(), provenance, now);
            String replyTo = c.submission().replyTo();
            if (replyTo != null) {
                // the parent as stored before, or earlier in this batch: by its id in the channel, else by its URL
                Long parent = knownExternal.get(c.channel().id() + "\u0000" + replyTo);
                if (parent == null && parentUrlKey(c.submission()) != null) {
                    parent = knownUrl.get(parentUrlKey(c.submission()));
                }
                item.repliesTo(parent);
            }
            item = items.save(item);
            for (ItemSubmission.Upload upload : c.submission().attachments()) {
                attachments.save(new ItemAttachment(item.id(), store.store(upload.fileName(), upload.content())));
            }
            if (externalKey != null) {
                knownExternal.put(externalKey, item.id());
            }
            if (c.urlKey() != null) {
                knownUrl.put(c.urlKey(), item.id());
            }
            results[c.index()] = IntakeResult.created(c.index(), item.id());
            events.publishEvent(new ItemCollected(item.id(), item.channelId(), item.unitId(), now, item.urgent()));
            if (item.urgent()) {
                urgentReport.report(item, c.channel(), now);
            }
        }
        items.flush();
        return Arrays.asList(results);
    }

    private static String parentUrlKey(ItemSubmission s) {
        return s.replyTo() != null && HTTP_URL.matcher(s.replyTo()).matches() ? UrlKeys.keyOf(s.replyTo()) : null;
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += 500) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 500)));
        }
        return chunks;
    }

    /** Validates one submission and strips what must never be stored (control characters). */
    ItemSubmission clean(ItemSubmission s, Instant now) {
        if (s.channelId() == null) {
            throw new DomainRuleViolation("缺少渠道");
        }
        String text = strip(s.text());
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolation("正文不能为空");
        }
        if (PlainText.invisible(text)) {
            throw new DomainRuleViolation("正文只有不可见字符（如零宽空格），没有可读的内容");
        }
        requireWholeCharacters(text, "正文");
        if (text.length() > MAX_TEXT) {
            throw new DomainRuleViolation("正文超过" + MAX_TEXT + "字");
        }
        String title = strip(s.title());
        if (title != null && title.length() > 500) {
            throw new DomainRuleViolation("标题超过500字");
        }
        if (title != null && PlainText.invisible(title)) {
            title = null;
        }
        requireWholeCharacters(title, "标题");
        String url = s.url() == null || s.url().isBlank() ? null : s.url().strip();
        if (url != null && url.length() > MAX_URL) {
            throw new DomainRuleViolation("网址超过" + MAX_URL + "个字符");
        }
        if (url != null && !HTTP_URL.matcher(url).matches()) {
            throw new DomainRuleViolation("网址格式不正确，应以 http:// 或 https:// 开头");
        }
        String externalId = s.externalId() == null || s.externalId().isBlank() ? null : strip(s.externalId()).strip();
        if (externalId != null && externalId.length() > 200) {
            throw new DomainRuleViolation("外部编号超过200字");
        }
        requireWholeCharacters(externalId, "外部编号");
        String author = strip(s.author());
        requireWholeCharacters(author, "作者");
        if (author != null && author.length() > 200) {
            throw new DomainRuleViolation("作者超过200字");
        }
        if (s.publishedAt() != null && s.publishedAt().isAfter(now.plus(Duration.ofDays(1)))) {
            throw new DomainRuleViolation("发布时间晚于当前时间");
        }
        for (Long figure : new Long[] {s.reposts(), s.comments(), s.likes(), s.views()}) {
            if (figure != null && figure < 0) {
                throw new DomainRuleViolation("转发、评论、点赞、阅读数不能为负数");
            }
        }
        if (s.attachments().size() > ItemIntake.MAX_ATTACHMENTS) {
            throw new DomainRuleViolation("每条最多" + ItemIntake.MAX_ATTACHMENTS + "个附件");
        }
        String reason = strip(s.urgentReason());
        if (reason != null && reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
        String replyTo = s.replyTo() == null || s.replyTo().isBlank() ? null : strip(s.replyTo()).strip();
        if (replyTo != null && replyTo.length() > MAX_URL) {
            throw new DomainRuleViolation("所回复的原帖（replyTo）超过" + MAX_URL + "个字符");
        }
        requireWholeCharacters(replyTo, "所回复的原帖");
        String contact = blankToNull(s.contact());
        if (contact != null && contact.strip().length() > 100) {
            throw new DomainRuleViolation("联系方式超过100个字符");
        }
        requireWholeCharacters(contact, "联系方式");
        return new ItemSubmission(s.channelId(), externalId, url, blankToNull(title), text.strip(), blankToNull(author),
                s.publishedAt(), s.reposts(), s.comments(), s.likes(), s.views(), s.urgent(), reason, s.attachments(), replyTo,
                contact == null ? null : contact.strip());
    }

    /**
     * A lone surrogate is half a character: stored, it is shown as "?" and can never be searched,
     * so the sender is told rather than the citizen's words silently changed.
     */
    private static void requireWholeCharacters(String s, String field) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DomainRuleViolation(field + "含有残缺的字符（不成对的代理项，第" + (i + 1) + "个字符），请检查编码后重新提交");
            }
        }
    }

    private static String strip(String s) {
        return s == null ? null : CONTROL.matcher(s.replace("\r\n", "\n")).replaceAll("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

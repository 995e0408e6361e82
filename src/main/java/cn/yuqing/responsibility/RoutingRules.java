package cn.yuqing.responsibility;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * The data of clause 3's rules that the government office keeps: the context-only matter words.
 * Analysis asks for them on every candidate it refreshes, so they are held in memory and read
 * again after a minute (another node may have changed them) or at once after a change here.
 */
@Service
@Transactional
public class RoutingRules {

    static final long REREAD_NANOS = 60_000_000_000L;

    record Audited(String action, String subject, Map<String, ?> after) implements AuditedChange {
    }

    private final ContextWordRepository words;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Set<String> cached;
    private volatile long readAt;

    RoutingRules(ContextWordRepository words, ApplicationEventPublisher events, Clock clock) {
        this.words = words;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ContextWord> contextWords() {
        return words.findAll(Sort.by("word"));
    }

    /** The context-only words as they stood at most a minute ago. */
    @Transactional(readOnly = true)
    public Set<String> contextOnly() {
        Set<String> now = cached;
        if (now == null || System.nanoTime() - readAt > REREAD_NANOS) {
            now = Set.copyOf(new TreeSet<>(words.findAll().stream().map(ContextWord::word).toList()));
            cached = now;
            readAt = System.nanoTime();
        }
        return now;
    }

    public ContextWord addContextWord(String word, String note, String by) {
        String w = word == null ? "" : word.strip();
        if (w.isEmpty() || w.length() > 20 || w.codePoints().anyMatch(Character::isWhitespace)) {
            throw new DomainRuleViolation("3", "请填写一个词（1至20个字，不含空格）");
        }
        if (words.existsById(w)) {
            throw new DomainRuleViolation("3", "“" + w + "”已在仅作背景的词中");
        }
        ContextWord saved = words.save(new ContextWord(w, note == null || note.isBlank() ? null : note.strip(), by,
                clock.instant()));
        events.publishEvent(new Audited("responsibility:rules:edit", "context-word/" + w, Map.of("added", w)));
        cached = null;
        return saved;
    }

    public void removeContextWord(String word, String by) {
        if (word == null || !words.existsById(word)) {
            throw new DomainRuleViolation("3", "没有这个词");
        }
        words.deleteById(word);
        events.publishEvent(new Audited("responsibility:rules:edit", "context-word/" + word, Map.of("removed", word)));
        cached = null;
    }
}

package cn.yuqing.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.response.Release;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * "What did we say last time": the verified facts, talking points and published releases of past
 * events, searched within the reader's scope by words, kind of matter, place and unit; and the
 * past events most like a given one ({@link CaseSimilarity}). Read from the record each time: a
 * county has hundreds of events a year, not millions.
 */
@Service
@Transactional(readOnly = true)
public class CaseLibrary {

    /** One field of a past event: 核实情况, 口径 or a release. */
    public record Passage(String field, String text) {
    }

    /** A past event found, with the passage that matched, shortened around the words. */
    public record Hit(EventSnapshot event, String field, String snippet, int matches) {
    }

    /** A past event like the one in hand, and how alike (0–1). */
    public record Similar(EventSnapshot event, double similarity) {
        public String percent() {
            return Math.round(similarity * 100) + "%";
        }
    }

    static final double SIMILAR_FROM = 0.12;

    private final OpinionEvents opinions;
    private final Releases releases;

    CaseLibrary(OpinionEvents opinions, Releases releases) {
        this.opinions = opinions;
        this.releases = releases;
    }

    public List<Hit> search(String query, MatterKind kind, String placeCode, Long unitId, DataScope scope) {
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            throw new DomainRuleViolation("检索词不超过100字");
        }
        List<String> words = q.isEmpty() ? List.of() : List.of(q.toLowerCase(Locale.ROOT).split("[\\s\u3000]+"));
        List<Hit> hits = new ArrayList<>();
        for (EventSnapshot e : opinions.events(scope)) {
            if ((kind != null && e.matterKind() != kind) || (unitId != null && !unitId.equals(e.responsibleUnitId())
                    && !unitId.equals(e.ownerUnitId()))
                    || (placeCode != null && !placeCode.isBlank() && e.placeCodes().stream().noneMatch(c -> c.startsWith(placeCode)))) {
                continue;
            }
            List<Passage> passages = passages(e, scope);
            if (words.isEmpty()) {
                if (kind != null || unitId != null || (placeCode != null && !placeCode.isBlank())) {
                    Passage first = passages.get(0);
                    hits.add(new Hit(e, first.field(), snippet(first.text(), ""), 0));
                }
                continue;
            }
            String all = String.join("\n", passages.stream().map(Passage::text).toList()).toLowerCase(Locale.ROOT);
            if (!words.stream().allMatch(all::contains)) {
                continue;
            }
            int matches = words.stream().mapToInt(w -> count(all, w)).sum();
            Passage best = passages.stream().filter(p -> p.text().toLowerCase(Locale.ROOT).contains(words.get(0))).findFirst()
                    .orElse(passages.get(0));
            hits.add(new Hit(e, best.field(), snippet(best.text(), words.get(0)), matches));
        }
        hits.sort(Comparator.comparingInt(Hit::matches).reversed()
                .thenComparing(h -> h.event().firstKnownAt(), Comparator.reverseOrder()));
        return hits.size() > 100 ? hits.subList(0, 100) : hits;
    }

    /** The past events in scope most like this one, most alike first, at most {@code limit}. */
    public List<Similar> similar(Long eventId, DataScope scope, int limit) {
        EventSnapshot target = opinions.event(eventId, scope);
        List<EventSnapshot> others = opinions.events(scope).stream().filter(e -> !e.id().equals(eventId)).toList();
        if (others.isEmpty()) {
            return List.of();
        }
        List<String> documents = new ArrayList<>(others.stream().map(e -> document(e, scope)).toList());
        documents.add(document(target, scope));
        CaseSimilarity similarity = new CaseSimilarity(documents);
        int self = documents.size() - 1;
        List<Similar> alike = new ArrayList<>();
        for (int j = 0; j < others.size(); j++) {
            double s = similarity.between(self, j);
            if (s >= SIMILAR_FROM) {
                alike.add(new Similar(others.get(j), s));
            }
        }
        alike.sort(Comparator.comparingDouble(Similar::similarity).reversed());
        return alike.size() > limit ? alike.subList(0, limit) : alike;
    }

    private String document(EventSnapshot e, DataScope scope) {
        return String.join("\n", passages(e, scope).stream().map(Passage::text).toList());
    }

    /** The event's title, verified facts, talking points and published releases, as the library reads them. */
    List<Passage> passages(EventSnapshot e, DataScope scope) {
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage("事件", e.title()));
        if (e.facts() != null && !e.facts().isBlank()) {
            passages.add(new Passage("核实情况", e.facts()));
        }
        String points = opinions.currentTalkingPoints(e.id());
        if (points != null && !points.isBlank()) {
            passages.add(new Passage("口径", points));
        }
        for (Release r : releases.of(e.id(), scope)) {
            if (r.status() == Release.Status.PUBLISHED) {
                passages.add(new Passage(r.kind().label(), r.title() + "\n" + r.text()));
            }
        }
        return passages;
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    static String snippet(String text, String word) {
        int at = word.isEmpty() ? 0 : Math.max(0, text.toLowerCase(Locale.ROOT).indexOf(word));
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + word.length() + 60);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
    }
}

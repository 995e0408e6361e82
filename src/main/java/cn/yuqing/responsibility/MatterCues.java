package cn.yuqing.responsibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The matter categories an event's items hit, word by word with how many items hit each word, and
 * the main matter they suggest. A word the government office marked context-only (暴雨 as the
 * cause, 没人管 as the complaint's tone) is shown but weighs nothing: context does not make a
 * unit responsible. Reposts weigh as items do, so the post's own words keep their proportions.
 */
public final class MatterCues {

    /** A secondary matter must weigh at least this share of the main one to name a co-operating unit. */
    static final double SECONDARY_SHARE = 0.25;
    static final int MAX_SECONDARY = 3;

    private final Map<String, Map<String, Integer>> items = new TreeMap<>();

    /** One item's hits: category → the words found. */
    public MatterCues add(Map<String, Set<String>> hits) {
        return add(hits, Set.of());
    }

    /**
     * One item's hits, less the words that are part of a unit's name the item mentions: "去信访局反映"
     * names a place the writer went, and 信访局 already counts once as a unit named.
     */
    public MatterCues add(Map<String, Set<String>> hits, java.util.Collection<String> unitNames) {
        hits.forEach((category, words) -> words.forEach(w -> {
            if (unitNames.stream().noneMatch(n -> n.contains(w))) {
                add(category, w, 1);
            }
        }));
        return this;
    }

    public MatterCues add(String category, String word, int itemCount) {
        items.computeIfAbsent(category, c -> new TreeMap<>()).merge(word, itemCount, Integer::sum);
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * The category whose words (context-only ones aside) most items carry; ties go to the one with
     * more distinct words, then to code order, so that every node suggests the same. Secondary
     * matters are those weighing at least a quarter of the main one, heaviest first.
     */
    public MainMatter suggest(Set<String> contextOnly) {
        Map<String, Integer> weight = new LinkedHashMap<>();
        Map<String, Integer> distinct = new LinkedHashMap<>();
        Map<String, Set<String>> cues = new TreeMap<>();
        items.forEach((category, words) -> words.forEach((word, n) -> {
            if (!contextOnly.contains(word)) {
                weight.merge(category, n, Integer::sum);
                distinct.merge(category, 1, Integer::sum);
                cues.computeIfAbsent(category, c -> new TreeSet<>()).add(word);
            }
        }));
        List<String> ranked = new ArrayList<>(weight.keySet());
        ranked.sort(Comparator.<String>comparingInt(weight::get).reversed()
                .thenComparing(Comparator.<String>comparingInt(distinct::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        if (ranked.isEmpty()) {
            return MainMatter.none();
        }
        String main = ranked.get(0);
        int floor = (int) Math.ceil(weight.get(main) * SECONDARY_SHARE);
        List<String> others = ranked.subList(1, ranked.size()).stream().filter(c -> weight.get(c) >= floor)
                .limit(MAX_SECONDARY).toList();
        return new MainMatter(main, others, false, cues);
    }
}

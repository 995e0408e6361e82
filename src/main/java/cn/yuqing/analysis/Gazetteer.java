package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Places and units found in text by an Aho-Corasick automaton over the organisation directory's
 * names and their common short forms ("踅孜镇" and "踅孜", "潢川县住房和城乡建设局" and "县住建局").
 * Overlapping hits keep the longest, so "踅孜镇人民政府" is the unit, not the town and a word.
 */
final class Gazetteer {

    enum Kind { PLACE, UNIT }

    /** What a name stands for: a region code or a unit id. */
    record Target(Kind kind, String key, String canonical) {
    }

    record Hit(String name, int begin, int end, Target target) {
    }

    private final AhoCorasickDoubleArrayTrie<List<Target>> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int size;

    Gazetteer(Map<String, List<Target>> names) {
        TreeMap<String, List<Target>> sorted = new TreeMap<>(names);
        if (sorted.isEmpty()) {
            sorted.put("\u0000", List.of());
        }
        trie.build(sorted);
        this.size = names.size();
    }

    int size() {
        return size;
    }

    List<Hit> find(String text) {
        List<Hit> all = new ArrayList<>();
        trie.parseText(text, (begin, end, targets) -> {
            for (Target t : targets) {
                all.add(new Hit(text.substring(begin, end), begin, end, t));
            }
        });
        all.sort(Comparator.comparingInt((Hit h) -> h.end() - h.begin()).reversed().thenComparingInt(Hit::begin));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : all) {
            boolean overlaps = kept.stream().anyMatch(k -> h.begin() < k.end() && k.begin() < h.end()
                    && !(k.begin() == h.begin() && k.end() == h.end()));
            if (!overlaps) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::begin));
        return kept;
    }

    /** Short forms by which people name a place: 踅孜镇 → 踅孜, 春申街道 → 春申, XX村民委员会 → XX村. */
    static List<String> placeForms(String name) {
        List<String> forms = new ArrayList<>(List.of(name));
        if (name.endsWith("村民委员会")) {
            forms.add(name.substring(0, name.length() - 5) + "村");
        } else if (name.endsWith("社区居民委员会")) {
            forms.add(name.substring(0, name.length() - 5));
        } else if (name.endsWith("居民委员会")) {
            forms.add(name.substring(0, name.length() - 5) + "居委会");
        }
        for (String suffix : new String[] {"街道", "镇", "乡"}) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                forms.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        // "河南省潢川经济技术开发区" is written 潢川经开区, 经济技术开发区 or just 开发区
        if (name.endsWith("经济技术开发区")) {
            String stem = name.startsWith("河南省") ? name.substring(3) : name;
            String place = stem.substring(0, stem.length() - "经济技术开发区".length());
            forms.addAll(List.of(stem, place + "经开区", place + "开发区", "经济技术开发区", "经开区", "开发区"));
        }
        return forms;
    }
}

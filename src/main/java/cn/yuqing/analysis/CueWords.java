package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Sections of cue words matched in one pass (Aho-Corasick): which sections a text touches and by
 * which words. Serves the criteria of 4.3, the matter categories and the monitoring schemes alike.
 */
final class CueWords {

    private final AhoCorasickDoubleArrayTrie<List<String>> trie = new AhoCorasickDoubleArrayTrie<>();

    CueWords(Map<String, Set<String>> sections) {
        TreeMap<String, List<String>> byWord = new TreeMap<>();
        sections.forEach((section, words) -> words.forEach(w -> {
            if (!w.isBlank()) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(section);
            }
        }));
        if (byWord.isEmpty()) {
            byWord.put("\u0000", List.of());
        }
        trie.build(byWord);
    }

    /** Section → the distinct words of it found in the text, in order of first appearance. */
    Map<String, Set<String>> find(String text) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        trie.parseText(text, (begin, end, sections) -> {
            String word = text.substring(begin, end);
            for (String s : sections) {
                found.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(word);
            }
        });
        return found;
    }
}

package cn.yuqing.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/** Word lists shipped in {@code analysis/*.txt}: {@code [section]} headers, words separated by spaces. */
final class Lexicons {

    private Lexicons() {
    }

    static Map<String, Set<String>> sections(String resource) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        String current = null;
        for (String line : lines(resource)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = l.substring(1, l.length() - 1);
                sections.putIfAbsent(current, new LinkedHashSet<>());
            } else if (current != null) {
                for (String word : l.split("\\s+")) {
                    sections.get(current).add(word);
                }
            }
        }
        return sections;
    }

    /**
     * Sections of {@code word} or {@code word:weight} entries (weight 1 when not given).
     */
    static Map<String, Map<String, Double>> weighted(String resource) {
        Map<String, Map<String, Double>> weighted = new java.util.HashMap<>();
        sections(resource).forEach((section, entries) -> {
            Map<String, Double> words = new LinkedHashMap<>();
            for (String entry : entries) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0 && entry.substring(colon + 1).matches("-?\\d+(\\.\\d+)?")) {
                    words.put(entry.substring(0, colon), Double.parseDouble(entry.substring(colon + 1)));
                } else {
                    words.put(entry, 1.0);
                }
            }
            weighted.put(section, words);
        });
        return weighted;
    }

    static List<String> lines(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource, Lexicons.class.getClassLoader()).getInputStream(), StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + resource, e);
        }
    }
}

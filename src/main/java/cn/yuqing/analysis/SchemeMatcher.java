package cn.yuqing.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All active schemes in one automaton: a text is in a scheme when it contains an include word,
 * none of its exclude words, and its channel and unit are within the scheme's scope.
 */
final class SchemeMatcher {

    private final CueWords words;
    private final Map<Long, MonitoringScheme> schemes = new HashMap<>();

    SchemeMatcher(List<MonitoringScheme> active) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        for (MonitoringScheme s : active) {
            schemes.put(s.id(), s);
            sections.put("+" + s.id(), s.includeWords());
            sections.put("-" + s.id(), s.excludeWords());
        }
        this.words = new CueWords(sections);
    }

    Map<Long, Set<String>> match(String text, Long channelId, Long unitId) {
        Map<String, Set<String>> found = words.find(text);
        Map<Long, Set<String>> matched = new LinkedHashMap<>();
        found.forEach((section, hits) -> {
            if (section.startsWith("+")) {
                Long id = Long.valueOf(section.substring(1));
                MonitoringScheme s = schemes.get(id);
                boolean excluded = found.containsKey("-" + id);
                boolean inChannel = s.channelIds().isEmpty() || s.channelIds().contains(channelId);
                boolean inUnit = s.unitIds().isEmpty() || s.unitIds().contains(unitId);
                if (!excluded && inChannel && inUnit) {
                    matched.put(id, hits);
                }
            }
        });
        return matched;
    }

    int size() {
        return schemes.size();
    }
}

package cn.yuqing.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the machine read in one text, each part with what it rests on. */
public record Features(String simplified, List<String> words, List<String> keywords, String summary, SentimentReading sentiment,
        SentimentReading baseline, List<Gazetteer.Hit> places, List<Gazetteer.Hit> units, Map<Long, Set<String>> schemes,
        Map<String, Set<String>> criteria, Map<String, Set<String>> categories, int[] signature) {

    public List<String> placeNames() {
        return places.stream().map(h -> h.target().canonical()).distinct().toList();
    }

    public List<String> unitNames() {
        return units.stream().map(h -> h.target().canonical()).distinct().toList();
    }
}

package cn.yuqing.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two cases read: cosine of their character-bigram vectors weighted by inverse document
 * frequency over the cases compared (so that 潢川、县里、群众 weigh little and 燃气、塌陷 much).
 * No segmentation, no model: the bigrams of Chinese carry the matter words, and the reader sees why.
 */
final class CaseSimilarity {

    private final Map<String, Double> idf = new HashMap<>();
    private final List<Map<String, Double>> vectors;

    CaseSimilarity(List<String> documents) {
        List<Map<String, Integer>> counts = documents.stream().map(CaseSimilarity::bigrams).toList();
        Map<String, Integer> df = new HashMap<>();
        counts.forEach(c -> c.keySet().forEach(g -> df.merge(g, 1, Integer::sum)));
        int n = Math.max(1, documents.size());
        df.forEach((g, d) -> idf.put(g, Math.log((n + 1.0) / (d + 1.0)) + 1));
        vectors = counts.stream().map(this::weighted).toList();
    }

    /** Similarity of document {@code i} and {@code j} of those given, 0 to 1. */
    double between(int i, int j) {
        return cosine(vectors.get(i), vectors.get(j));
    }

    /** Similarity of a text outside the set to document {@code j}, with the set's weights. */
    double of(String text, int j) {
        return cosine(weighted(bigrams(text)), vectors.get(j));
    }

    private Map<String, Double> weighted(Map<String, Integer> counts) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double w = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), 1.0);
            v.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            v.replaceAll((g, w) -> w / length);
        }
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot;
    }

    /**
     * Place names say where, not what: two matters of one township are not alike for it, two
     * collapsed bridges of two townships are. Names ending as places do (镇 乡 街道 村 社区 县) are left out.
     */
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "[\\p{IsHan}]{1,3}?(镇|乡|街道|村|社区|县|市)(?![道民委])");

    static Map<String, Integer> bigrams(String raw) {
        Map<String, Integer> grams = new HashMap<>();
        if (raw == null) {
            return grams;
        }
        String text = PLACE.matcher(raw).replaceAll(" ");
        int previous = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isIdeographic(c) || Character.isLetterOrDigit(c)) {
                if (i > 0 && previous == i - 1) {
                    grams.merge(text.substring(i - 1, i + 1), 1, Integer::sum);
                }
                previous = i;
            }
        }
        return grams;
    }
}

package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over words and character bigrams, with Laplace smoothing: small, fast,
 * and it learns from a few hundred corrections. Serves sentiment (three labels) and each topic
 * (in or out). Immutable once trained; retraining builds a new one.
 */
final class NaiveBayes<L> {

    record Example<L>(L label, List<String> words, String text) {
    }

    record Prediction<L>(L label, double posterior) {
    }

    private final Map<L, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<L, Integer> totals = new HashMap<>();
    private final Map<L, Integer> docs = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final int examples;

    NaiveBayes(List<Example<L>> training) {
        for (Example<L> e : training) {
            docs.merge(e.label(), 1, Integer::sum);
            Map<String, Integer> c = counts.computeIfAbsent(e.label(), k -> new HashMap<>());
            for (String f : features(e.words(), e.text())) {
                c.merge(f, 1, Integer::sum);
                totals.merge(e.label(), 1, Integer::sum);
                vocabulary.add(f);
            }
        }
        this.examples = training.size();
    }

    int examples() {
        return examples;
    }

    int examplesOf(L label) {
        return docs.getOrDefault(label, 0);
    }

    static List<String> features(List<String> words, String text) {
        List<String> f = new ArrayList<>(words.size() + text.length());
        for (String w : words) {
            if (w.length() > 1 || Character.isLetter(w.charAt(0))) {
                f.add("w:" + w);
            }
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (Character.isLetter(a) && Character.isLetter(b)) {
                f.add(new String(new char[] {a, b}));
            }
        }
        return f;
    }

    /** The most probable label and its posterior, over the labels seen in training; null if none. */
    Prediction<L> classify(List<String> words, String text) {
        Map<L, Double> posteriors = posteriors(words, text);
        return posteriors.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> new Prediction<>(e.getKey(), e.getValue())).orElse(null);
    }

    /** The posterior of every label seen in training; empty if none. */
    Map<L, Double> posteriors(List<String> words, String text) {
        if (examples == 0) {
            return Map.of();
        }
        List<String> features = features(words, text);
        double best = Double.NEGATIVE_INFINITY;
        Map<L, Double> logs = new LinkedHashMap<>();
        int v = Math.max(1, vocabulary.size());
        for (Map.Entry<L, Map<String, Integer>> entry : counts.entrySet()) {
            L label = entry.getKey();
            double log = Math.log(docs.get(label) / (double) examples);
            Map<String, Integer> c = entry.getValue();
            double denominator = totals.getOrDefault(label, 0) + v;
            for (String f : features) {
                if (vocabulary.contains(f)) {
                    log += Math.log((c.getOrDefault(f, 0) + 1) / denominator);
                }
            }
            logs.put(label, log);
            best = Math.max(best, log);
        }
        double sum = 0;
        for (double l : logs.values()) {
            sum += Math.exp(l - best);
        }
        Map<L, Double> posteriors = new LinkedHashMap<>();
        for (Map.Entry<L, Double> e : logs.entrySet()) {
            posteriors.put(e.getKey(), Math.exp(e.getValue() - best) / sum);
        }
        return posteriors;
    }

    /** How a reading by this model names its method: how many examples it rests on. */
    String method() {
        return "学习模型（" + examples + "条样本）";
    }
}

package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over words and character bigrams, with Laplace smoothing: small,
 * fast, and it learns from a few hundred corrections. Immutable once trained; retraining builds
 * a new one.
 */
final class NaiveBayes {

    record Example(Sentiment label, List<String> words, String text) {
    }

    private final Map<Sentiment, Map<String, Integer>> counts = new EnumMap<>(Sentiment.class);
    private final Map<Sentiment, Integer> totals = new EnumMap<>(Sentiment.class);
    private final Map<Sentiment, Integer> docs = new EnumMap<>(Sentiment.class);
    private final Set<String> vocabulary = new HashSet<>();
    private final int examples;

    NaiveBayes(List<Example> training) {
        for (Sentiment s : Sentiment.values()) {
            counts.put(s, new HashMap<>());
            totals.put(s, 0);
            docs.put(s, 0);
        }
        for (Example e : training) {
            docs.merge(e.label(), 1, Integer::sum);
            for (String f : features(e.words(), e.text())) {
                counts.get(e.label()).merge(f, 1, Integer::sum);
                totals.merge(e.label(), 1, Integer::sum);
                vocabulary.add(f);
            }
        }
        this.examples = training.size();
    }

    int examples() {
        return examples;
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

    /** The most probable label and its posterior, over the classes seen in training. */
    SentimentReading classify(List<String> words, String text) {
        List<String> features = features(words, text);
        double best = Double.NEGATIVE_INFINITY;
        Sentiment bestLabel = Sentiment.NEUTRAL;
        Map<Sentiment, Double> logs = new EnumMap<>(Sentiment.class);
        int v = Math.max(1, vocabulary.size());
        for (Sentiment s : Sentiment.values()) {
            if (docs.get(s) == 0) {
                continue;
            }
            double log = Math.log(docs.get(s) / (double) examples);
            Map<String, Integer> c = counts.get(s);
            double denominator = totals.get(s) + v;
            for (String f : features) {
                if (vocabulary.contains(f)) {
                    log += Math.log((c.getOrDefault(f, 0) + 1) / denominator);
                }
            }
            logs.put(s, log);
            if (log > best) {
                best = log;
                bestLabel = s;
            }
        }
        double sum = 0;
        for (double l : logs.values()) {
            sum += Math.exp(l - best);
        }
        double posterior = 1 / sum;
        return new SentimentReading(bestLabel, posterior, Set.of(), List.of(), "学习模型（" + examples + "条样本）");
    }
}

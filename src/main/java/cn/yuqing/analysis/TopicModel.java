package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analysts' topic corrections teach: for each monitoring scheme, a model of the texts they put
 * in it against the texts they kept out. A scheme learnt from at least {@link #MINIMUM} examples
 * each way is suggested for a text its words missed, when the model is confident.
 */
final class TopicModel {

    static final int MINIMUM = 10;
    static final double CONFIDENCE = 0.9;
    static final String REASON = "学习模型（据研判人员更正）";

    record Correction(Set<Long> schemes, List<String> words, String text) {
    }

    private final Map<Long, NaiveBayes<Boolean>> bySchemes = new LinkedHashMap<>();

    TopicModel(Set<Long> schemeIds, List<Correction> corrections) {
        for (Long scheme : schemeIds) {
            List<NaiveBayes.Example<Boolean>> examples = new ArrayList<>();
            for (Correction c : corrections) {
                examples.add(new NaiveBayes.Example<>(c.schemes().contains(scheme), c.words(), c.text()));
            }
            NaiveBayes<Boolean> model = new NaiveBayes<>(examples);
            if (model.examplesOf(true) >= MINIMUM && model.examplesOf(false) >= MINIMUM) {
                bySchemes.put(scheme, model);
            }
        }
    }

    int learntSchemes() {
        return bySchemes.size();
    }

    Map<Long, Set<String>> addTo(Map<Long, Set<String>> matched, List<String> words, String text) {
        Map<Long, Set<String>> all = new LinkedHashMap<>(matched);
        bySchemes.forEach((scheme, model) -> {
            if (!all.containsKey(scheme)) {
                NaiveBayes.Prediction<Boolean> p = model.classify(words, text);
                if (p != null && Boolean.TRUE.equals(p.label()) && p.posterior() >= CONFIDENCE) {
                    all.put(scheme, Set.of(REASON));
                }
            }
        });
        return all;
    }
}

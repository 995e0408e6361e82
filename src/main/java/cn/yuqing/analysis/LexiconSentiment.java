package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline written by us: polarity words, a negation flips the next polar word within three
 * words, an intensifier doubles it, repeated exclamation or question marks add weight. Anger and
 * fear words raise their signals. Every reading lists the words it counted.
 */
final class LexiconSentiment {

    private final Set<String> negative;
    private final Set<String> positive;
    private final Set<String> anger;
    private final Set<String> fear;
    private final Set<String> negation;
    private final Set<String> intensifier;

    LexiconSentiment() {
        Map<String, Set<String>> s = Lexicons.sections("analysis/lexicon.txt");
        negative = s.get("negative");
        positive = s.get("positive");
        anger = s.get("anger");
        fear = s.get("fear");
        negation = s.get("negation");
        intensifier = s.get("intensifier");
    }

    Set<String> allWords() {
        Set<String> all = new java.util.HashSet<>(negative);
        all.addAll(positive);
        all.addAll(anger);
        all.addAll(fear);
        return all;
    }

    SentimentReading read(List<String> words, String text) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        EnumSet<Sentiment.Signal> signals = EnumSet.noneOf(Sentiment.Signal.class);
        int negatedUntil = -1;
        double boost = 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (negation.contains(w)) {
                negatedUntil = i + 3;
                continue;
            }
            if (intensifier.contains(w)) {
                boost = 2;
                continue;
            }
            double polarity = negative.contains(w) || anger.contains(w) ? -1 : positive.contains(w) ? 1 : 0;
            if (anger.contains(w)) {
                signals.add(Sentiment.Signal.ANGER);
            }
            if (fear.contains(w)) {
                signals.add(Sentiment.Signal.FEAR);
                polarity = polarity == 0 ? -0.5 : polarity;
            }
            if (polarity != 0) {
                boolean negated = i <= negatedUntil;
                double value = polarity * boost * (negated ? -0.8 : 1);
                score += value;
                reasons.add((negated ? "否定+" : "") + w + (value > 0 ? "(+)" : "(−)"));
                negatedUntil = -1;
            }
            boost = 1;
        }
        if (text.contains("！！") || text.contains("!!") || text.contains("？？") || text.contains("??")) {
            score += score < 0 ? -1 : score > 0 ? 0.5 : -0.5;
            reasons.add("连续感叹/问号");
        }
        Sentiment sentiment = score <= -0.5 ? Sentiment.NEGATIVE : score >= 1 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        if (sentiment != Sentiment.NEGATIVE) {
            signals.clear();
        }
        return new SentimentReading(sentiment, score, signals, List.copyOf(reasons), "词典规则");
    }
}

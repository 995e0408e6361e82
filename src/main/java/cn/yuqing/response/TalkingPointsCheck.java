package cn.yuqing.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Clause 3.1.1, one voice: each point of the talking points is looked for in the draft. A point
 * the draft does not carry is flagged as omitted; a draft sentence that says nearly the same as a
 * point but negates it (or the other way round) is flagged as a contradiction. Character bigrams are
 * enough for Chinese here: no segmentation, no model, and the reviewer sees the passages side by side.
 */
public final class TalkingPointsCheck {

    /** A talking point, and the draft sentence closest to it. */
    public record Finding(String point, String passage, double similarity, Kind kind) {
        public enum Kind { CARRIED, OMITTED, CONTRADICTED }
    }

    static final double CARRIED = 0.35;

    private static final Pattern SENTENCES = Pattern.compile("[。！？；;!?\\n]+");
    private static final Pattern NEGATION = Pattern.compile("没有|否认|并非|不|未|无|非");

    private TalkingPointsCheck() {
    }

    static List<Finding> check(String talkingPoints, String draft) {
        List<String> passages = sentences(draft);
        List<Finding> findings = new ArrayList<>();
        for (String point : sentences(talkingPoints)) {
            String best = "";
            double bestScore = 0;
            for (String passage : passages) {
                double score = similarity(point, passage);
                if (score > bestScore) {
                    bestScore = score;
                    best = passage;
                }
            }
            Finding.Kind kind = bestScore < CARRIED ? Finding.Kind.OMITTED
                    : negated(point) != negated(best) ? Finding.Kind.CONTRADICTED : Finding.Kind.CARRIED;
            findings.add(new Finding(point, best, bestScore, kind));
        }
        return findings;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : SENTENCES.split(text)) {
            String t = s.strip();
            if (t.length() >= 4) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean negated(String sentence) {
        return NEGATION.matcher(sentence).results().count() % 2 == 1;
    }

    /** Share of the point's character bigrams found in the passage (how much of the point it carries). */
    static double similarity(String point, String passage) {
        Set<String> a = bigrams(point);
        Set<String> b = bigrams(passage);
        if (a.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String g : a) {
            if (b.contains(g)) {
                shared++;
            }
        }
        return (double) shared / a.size();
    }

    private static Set<String> bigrams(String s) {
        String t = s.replaceAll("[\\s\\p{Punct}，。、：；！？“”‘’（）《》]", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        return grams;
    }
}

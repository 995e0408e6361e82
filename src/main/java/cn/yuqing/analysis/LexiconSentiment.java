package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reading that needs no training, written for what incident comments do: weighted polar
 * words; a negator flips the polar word that follows it within its clause, a degree word scales
 * it; after a contrast word ("但是") the later clause counts more than the earlier one; Weibo
 * emoticons ([怒] [泪]) and emoji count like words; and the patterns of
 * {@code analysis/sentiment-patterns.txt} catch what no single word says — the accusing question
 * ("凭什么…", "怎么还不…"), the sneer ("呵呵"), the plea ("怎么办"). Anger and anxiety are kept as
 * weights of their own beside the polarity. Every reading lists what it counted.
 */
final class LexiconSentiment {

    /** At or below this score a text reads negative; at or above {@link #POSITIVE_FROM}, positive. */
    static final double NEGATIVE_FROM = -0.5;
    static final double POSITIVE_FROM = 1.0;
    /** The weight of anger or anxiety words from which the mood is named. */
    static final double MOOD_FROM = 1;

    /** A negated praise is blame ("不满意"); a negated ill is only its absence ("没有危险"). */
    private static final double NEGATED_POSITIVE = -0.7;
    private static final double NEGATED_NEGATIVE = -0.3;
    /** The same emoticon or polar word repeated ([心][心][心][心]) counts at most this often. */
    private static final int EMOTICON_REPEATS = 2;
    private static final double EARLIER_CLAUSE = 0.5;
    private static final double LATER_CLAUSE = 1.3;
    private static final int NEGATION_REACH = 3;
    private static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}]");

    private final Map<String, Double> polar = new java.util.HashMap<>();
    private final Map<String, Sentiment.Signal> moodOf = new java.util.HashMap<>();
    private final Set<String> negation;
    private final Map<String, Double> degree;
    private final Set<String> contrast;
    private final Map<String, Double> emoticons = new java.util.HashMap<>();
    private final List<Cue> patterns;

    /** A pattern, and the words one of which any match begins with (null: none known), to skip the regex where none occurs. */
    record Cue(Pattern pattern, double weight, Sentiment.Signal signal, String reason, List<String> guard) {

        boolean findIn(String text) {
            return found(pattern, guard, text);
        }
    }

    LexiconSentiment() {
        Map<String, Map<String, Double>> lexicon = Lexicons.weighted("analysis/lexicon.txt");
        java.util.function.Function<String, Map<String, Double>> s = name -> lexicon.getOrDefault(name, Map.of());
        s.apply("positive").forEach(polar::put);
        for (String section : List.of("negative", "sadness", "anger", "anxiety")) {
            s.apply(section).forEach((w, weight) -> polar.merge(w, -weight, Math::min));
        }
        s.apply("anger").keySet().forEach(w -> moodOf.put(w, Sentiment.Signal.ANGER));
        s.apply("anxiety").keySet().forEach(w -> moodOf.putIfAbsent(w, Sentiment.Signal.FEAR));
        negation = s.apply("negation").keySet();
        degree = s.apply("degree");
        contrast = s.apply("contrast").keySet();
        emoticons.putAll(s.apply("emoticon"));
        emoticons.putAll(s.apply("emoji"));
        s.apply("anger_emoticon").keySet().forEach(e -> moodOf.put(e, Sentiment.Signal.ANGER));
        s.apply("anxiety_emoticon").keySet().forEach(e -> moodOf.put(e, Sentiment.Signal.FEAR));
        patterns = Lexicons.lines("analysis/sentiment-patterns.txt").stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(LexiconSentiment::cue).toList();
        // the segmenter keeps the lexicon's phrases whole ("一路走好", not 一路 / 走好)
        ChineseText.teach(phrases());
    }

    /** {@code weight<TAB>ANGER|FEAR|-<TAB>reason<TAB>regex} */
    private static Cue cue(String line) {
        String[] f = line.split("\t");
        if (f.length != 4) {
            throw new IllegalStateException("sentiment-patterns.txt: 应为 4 列（权重、信号、说明、正则）：" + line);
        }
        return new Cue(Pattern.compile(f[3]), Double.parseDouble(f[0]),
                f[1].equals("-") ? null : Sentiment.Signal.valueOf(f[1]), f[2], guard(f[3]));
    }

    /** The pattern is in the text; its regex runs only where one of the guard's words is (no guard: always). */
    static boolean found(Pattern pattern, List<String> guard, String text) {
        if (guard == null) {
            return pattern.matcher(text).find();
        }
        // a loop, not a stream: this runs for every pattern on every text
        for (String word : guard) {
            if (text.contains(word)) {
                return pattern.matcher(text).find();
            }
        }
        return false;
    }

    /** The patterns of {@code sentiment-patterns.txt}, as read. */
    List<Cue> patterns() {
        return patterns;
    }

    private static final String META = "\\.[]{}()*+?^$|";

    /**
     * The literal words one of which every match of {@code regex} begins with: the regex's literal
     * prefix, or the plain alternatives of its leading group, for each top-level branch; null where
     * a branch begins otherwise (then the regex always runs).
     */
    static List<String> guard(String regex) {
        List<String> branches = split(regex);
        if (branches == null) {
            return null;
        }
        List<String> guard = new ArrayList<>();
        for (String branch : branches) {
            List<String> g = branchGuard(branch);
            if (g == null) {
                return null;
            }
            guard.addAll(g);
        }
        return List.copyOf(guard);
    }

    /** The top-level alternatives of a regex, or null if its brackets do not balance simply. */
    private static List<String> split(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        if (depth != 0 || inClass) {
            return null;
        }
        parts.add(regex.substring(from));
        return parts;
    }

    private static List<String> branchGuard(String branch) {
        if (branch.startsWith("(") && !branch.startsWith("(?")) {
            int close = -1;
            int depth = 0;
            for (int i = 0; i < branch.length() && close < 0; i++) {
                char c = branch.charAt(i);
                if (c == '\\' || c == '[') {
                    return null;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    close = i;
                }
            }
            if (close < 0 || close + 1 < branch.length() && "?*{".indexOf(branch.charAt(close + 1)) >= 0) {
                return null;
            }
            List<String> alternatives = split(branch.substring(1, close));
            if (alternatives == null || alternatives.stream().anyMatch(a -> a.isEmpty() || a.chars().anyMatch(ch -> META.indexOf(ch) >= 0))) {
                return null;
            }
            return alternatives;
        }
        int end = 0;
        while (end < branch.length() && META.indexOf(branch.charAt(end)) < 0) {
            end++;
        }
        if (end < branch.length() && "?*{".indexOf(branch.charAt(end)) >= 0) {
            end--;
        }
        return end <= 0 ? null : List.of(branch.substring(0, end));
    }

    /** The words worth keeping whole when segmenting ("一路走好" rather than 一路 / 走好). */
    Set<String> phrases() {
        Set<String> all = new java.util.HashSet<>(polar.keySet());
        all.addAll(negation);
        all.addAll(degree.keySet());
        all.removeIf(w -> w.length() < 2 || w.length() > 6 || !Character.isLetter(w.codePointAt(0)));
        return all;
    }

    SentimentReading read(List<String> words, String text) {
        Tally tally = new Tally();
        Map<String, Integer> seen = new java.util.HashMap<>();
        Matcher m = EMOTICON.matcher(text);
        while (m.find()) {
            countEmoticon(m.group(), tally, seen);
        }
        text.codePoints().filter(cp -> Character.getType(cp) == Character.OTHER_SYMBOL)
                .forEach(cp -> countEmoticon(Character.toString(cp), tally, seen));
        readWords(words, tally, seen);
        for (Cue cue : patterns) {
            if (cue.findIn(text)) {
                tally.add(cue.weight(), cue.signal(), cue.reason());
            }
        }
        if (tally.score != 0 && (text.contains("！！") || text.contains("!!") || text.contains("？？") || text.contains("??")
                || text.contains("?!") || text.contains("!?"))) {
            tally.score *= 1.3;
            tally.reasons.add("连续感叹/问号");
            if (tally.score < 0 && (text.contains("?!") || text.contains("!?"))) {
                tally.mood.merge(Sentiment.Signal.ANGER, 1.0, Double::sum);
            }
        }
        double score = Math.round(tally.score * 100) / 100.0;
        Sentiment sentiment = score <= NEGATIVE_FROM ? Sentiment.NEGATIVE
                : score >= POSITIVE_FROM ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        // the mood that drives the text, where anger and anxiety both show the stronger one; kept
        // whatever the polarity, as a model may find negative what the lexicon found mixed
        EnumSet<Sentiment.Signal> signals = EnumSet.noneOf(Sentiment.Signal.class);
        tally.mood.entrySet().stream().filter(e -> e.getValue() >= MOOD_FROM).max(Map.Entry.comparingByValue())
                .ifPresent(e -> signals.add(e.getKey()));
        return new SentimentReading(sentiment, score, signals, List.copyOf(tally.reasons), "词典规则");
    }

    private void countEmoticon(String emoticon, Tally tally, Map<String, Integer> seen) {
        Double weight = emoticons.get(emoticon);
        if (weight != null && seen.merge(emoticon, 1, Integer::sum) <= EMOTICON_REPEATS) {
            tally.add(weight, moodOf.get(emoticon), emoticon);
        }
    }

    private void readWords(List<String> words, Tally tally, Map<String, Integer> seen) {
        int negatedUntil = -1;
        double boost = 1;
        double clause = 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            // emoticons were counted whole above; their inner word ("怒" of [怒]) must not count again
            int close = w.startsWith("[") ? emoticonEnd(words, i) : -1;
            if (close >= 0) {
                i = close;
                continue;
            }
            if (isClauseEnd(w)) {
                negatedUntil = -1;
                boost = 1;
                continue;
            }
            if (contrast.contains(w)) {
                tally.score *= EARLIER_CLAUSE;
                clause = LATER_CLAUSE;
                continue;
            }
            if (negation.contains(w)) {
                negatedUntil = i + NEGATION_REACH;
                continue;
            }
            Double d = degree.get(w);
            if (d != null) {
                boost = d;
                continue;
            }
            Double polarity = polar.get(w);
            // the same word repeated (危重 … 危重 … 危重 in a bulletin, 骗骗骗) counts at most twice, as emoticons do
            if (polarity != null && seen.merge(w, 1, Integer::sum) > EMOTICON_REPEATS) {
                negatedUntil = -1;
                boost = 1;
                continue;
            }
            if (polarity != null) {
                boolean negated = i <= negatedUntil;
                double value = polarity * boost * clause * (negated ? polarity > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE : 1);
                tally.add(value, negated ? null : moodOf.get(w), (negated ? "否定+" : "") + w);
                negatedUntil = -1;
                boost = 1;
            }
        }
    }

    /** The index of the word closing a known emoticon that opens at {@code i}, or −1 (a bracket that is not one reads as text). */
    private int emoticonEnd(List<String> words, int i) {
        StringBuilder span = new StringBuilder();
        for (int j = i; j < Math.min(words.size(), i + 8); j++) {
            span.append(words.get(j));
            if (words.get(j).contains("]")) {
                return emoticons.containsKey(span.toString()) ? j : -1;
            }
        }
        return -1;
    }

    private static boolean isClauseEnd(String w) {
        return w.length() == 1 && "，。！？；,.!?;…~～\n".indexOf(w.charAt(0)) >= 0;
    }

    private static final class Tally {
        double score;
        final List<String> reasons = new ArrayList<>();
        final Map<Sentiment.Signal, Double> mood = new EnumMap<>(Sentiment.Signal.class);

        void add(double value, Sentiment.Signal signal, String reason) {
            score += value;
            reasons.add(reason + (value > 0 ? "(+)" : value < 0 ? "(−)" : ""));
            if (signal != null && value < 0) {
                mood.merge(signal, -value, Double::sum);
            }
        }
    }
}

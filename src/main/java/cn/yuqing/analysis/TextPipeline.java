package cn.yuqing.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.seg.common.Term;

/**
 * One pass over a text: simplify, segment once, and read everything from that — keywords,
 * summary, sentiment (the trained model where it has learnt enough, with the lexicon baseline
 * beside it), places and units, schemes, criteria and categories, and the MinHash signature.
 * Immutable: when the directory, schemes or model change, a new pipeline is built.
 */
final class TextPipeline {

    /** Below this many examples the trained model is not trusted over the lexicon. */
    static final int MODEL_MINIMUM = 200;
    /**
     * The model's belief that a text is negative from which it reads it so (log odds 1.5): chosen
     * on the development halves, the stream's examples and the corrections drawn from one fold
     * and measured on the other.
     */
    static final double MODEL_NEGATIVE_FROM = 0.82;
    /**
     * The mood model names anger from this posterior, anxiety from {@link #FEAR_FROM}, resting on
     * at least {@link #MOOD_MINIMUM} examples: chosen on the development halves (anger is the
     * commoner mood of a complaint, anxiety the one a wrong guess most misleads).
     */
    static final double MOOD_FROM = 0.6;
    static final double FEAR_FROM = 0.95;
    static final int MOOD_MINIMUM = 100;

    private final Gazetteer gazetteer;
    private final SchemeMatcher schemes;
    private final LexiconSentiment lexicon;
    private final LearntSentiment learnt;
    private final TopicModel topics;
    private final CueWords criteria;
    private final CueWords categories;

    TextPipeline(Gazetteer gazetteer, SchemeMatcher schemes, LexiconSentiment lexicon, LearntSentiment learnt,
            TopicModel topics, CueWords criteria, CueWords categories) {
        this.topics = topics;
        this.gazetteer = gazetteer;
        this.schemes = schemes;
        this.lexicon = lexicon;
        this.learnt = learnt;
        this.criteria = criteria;
        this.categories = categories;
    }

    TextPipeline withLearnt(LearntSentiment newLearnt) {
        return new TextPipeline(gazetteer, schemes, lexicon, newLearnt, topics, criteria, categories);
    }

    TextPipeline withSchemes(SchemeMatcher newSchemes) {
        return new TextPipeline(gazetteer, newSchemes, lexicon, learnt, topics, criteria, categories);
    }

    TextPipeline withGazetteer(Gazetteer newGazetteer) {
        return new TextPipeline(newGazetteer, schemes, lexicon, learnt, topics, criteria, categories);
    }

    TextPipeline withTopics(TopicModel newTopics) {
        return new TextPipeline(gazetteer, schemes, lexicon, learnt, newTopics, criteria, categories);
    }

    LearntSentiment learnt() {
        return learnt;
    }

    /** An item's title and body as every reading starts from them. */
    static String simplified(String title, String text) {
        return ChineseText.normalised(title == null || title.isBlank() ? text : title + "\n" + text);
    }

    /** The words every reading of an item counts (the stream's examples too, recalled or not). */
    static List<String> words(List<Term> terms) {
        return terms.stream().map(t -> t.word).filter(w -> !w.isBlank()).toList();
    }

    Features analyse(String title, String text, Long channelId, Long unitId) {
        String simplified = simplified(title, text);
        List<Term> terms = ChineseText.terms(simplified);
        List<String> words = words(terms);
        SentimentReading baseline = lexicon.read(words, simplified);
        SentimentReading sentiment = read(baseline, learnt, words, simplified);
        List<Gazetteer.Hit> hits = gazetteer.find(simplified);
        return new Features(simplified, words, ChineseText.keywords(terms, 5), ChineseText.summary(simplified), sentiment, baseline,
                hits.stream().filter(h -> h.target().kind() == Gazetteer.Kind.PLACE).toList(),
                hits.stream().filter(h -> h.target().kind() == Gazetteer.Kind.UNIT).toList(),
                topics == null ? schemes.match(simplified, channelId, unitId)
                        : topics.addTo(schemes.match(simplified, channelId, unitId), words, simplified),
                criteria.find(simplified), categories.find(simplified),
                MinHash.signature(simplified));
    }

    /**
     * The reading that counts: the lexicon's where it is sure ({@link StreamExamples#CONFIDENT}) or
     * until the model rests on {@link #MODEL_MINIMUM} examples (seeds, the stream's, corrections);
     * otherwise the model tells negative from not, which is what raises a warning, while whether a
     * text that is not negative is praise or plain stays the lexicon's call. The lexicon's anger and anxiety signals name the mood of a negative
     * reading only, and its reasons stay beside, as they explain.
     */
    static SentimentReading read(SentimentReading baseline, LearntSentiment learnt, List<String> words, String text) {
        return read(baseline, learnt, words, text, Line.DEFAULT);
    }

    /**
     * The lines of a reading: where the lexicon's score reaches {@code sure} it reads alone;
     * otherwise the model reads negative from a belief of {@code negativeFrom}; the mood model
     * names anger from a posterior of {@code angerFrom}, anxiety from {@code fearFrom}. The
     * tuning harness reads through the same code with other lines.
     */
    record Line(double sure, double negativeFrom, double angerFrom, double fearFrom, boolean newsByLexicon) {
        static final Line DEFAULT = new Line(StreamExamples.CONFIDENT, MODEL_NEGATIVE_FROM, MOOD_FROM, FEAR_FROM, true);
    }

    /**
     * Told as news (a 【headline】, "据…报道", "记者…报道"): the model's topic words (an accident,
     * a death, an outbreak) weigh there more than any feeling, so only the lexicon's sure reading
     * makes such a text negative. A date or the word 通报 alone does not make news: a citizen's
     * complaint carries them as often (and leaving them out changed nothing on the development halves).
     */
    static boolean news(String text) {
        return LexiconSentiment.found(NEWS, NEWS_GUARD, text);
    }

    static final java.util.regex.Pattern NEWS = java.util.regex.Pattern.compile(
            "【[^】]{2,60}】|据[^,.!?;，。！？；]{0,15}(报道|消息|通报)|记者[^,.!?;，。！？；]{0,8}(报道|获悉|了解到|证实)");
    /** 【, 据, 记者: most texts have none, and the regex does not run on them. */
    private static final List<String> NEWS_GUARD = LexiconSentiment.guard(NEWS.pattern());

    static SentimentReading read(SentimentReading baseline, LearntSentiment learnt, List<String> words, String text, Line line) {
        NaiveBayes<Sentiment> model = learnt == null ? null : learnt.polarity();
        if (model == null || model.examples() < MODEL_MINIMUM || Math.abs(baseline.score()) >= line.sure()) {
            return baseline.sentiment() == Sentiment.NEGATIVE ? withMood(baseline, learnt, words, text, line)
                    : new SentimentReading(baseline.sentiment(), baseline.score(), Set.of(), baseline.reasons(), baseline.method());
        }
        if (line.newsByLexicon() && news(text)) {
            List<String> reasons = new java.util.ArrayList<>(baseline.reasons());
            reasons.add("新闻体：词典不确定时不作负面");
            return new SentimentReading(baseline.sentiment() == Sentiment.NEGATIVE ? Sentiment.NEUTRAL : baseline.sentiment(),
                    baseline.score(), Set.of(), List.copyOf(reasons), baseline.method());
        }
        double negative = model.posteriors(words, text).getOrDefault(Sentiment.NEGATIVE, 0.0);
        double from = line.negativeFrom();
        String method = model.method();
        // the score runs from −1 (surely negative) to +1 (surely not), 0 at the line
        double score = Math.round((from - negative) / (negative >= from ? 1 - from : from) * 100) / 100.0;
        if (negative >= from) {
            return withMood(new SentimentReading(Sentiment.NEGATIVE, score, baseline.signals(), baseline.reasons(), method),
                    learnt, words, text, line);
        }
        return new SentimentReading(baseline.sentiment() == Sentiment.NEGATIVE ? Sentiment.NEUTRAL : baseline.sentiment(),
                score, Set.of(), baseline.reasons(), method);
    }

    /**
     * A negative reading whose words name no mood asks the mood the stream taught, and takes it
     * only where the model is {@link #MOOD_FROM} ({@link #FEAR_FROM} for anxiety) sure: a false
     * "angry" sends a text up the queue.
     */
    private static SentimentReading withMood(SentimentReading negative, LearntSentiment learnt, List<String> words,
            String text, Line line) {
        if (!negative.signals().isEmpty() || learnt == null || learnt.mood() == null
                || learnt.mood().examples() < MOOD_MINIMUM) {
            return negative;
        }
        NaiveBayes.Prediction<StreamExamples.Mood> p = learnt.mood().classify(words, text);
        if (p == null || p.posterior() < (p.label() == StreamExamples.Mood.FEAR ? line.fearFrom() : line.angerFrom()) || p.label().signal() == null) {
            return negative;
        }
        List<String> reasons = new java.util.ArrayList<>(negative.reasons());
        reasons.add("学习模型：" + p.label().signal().label());
        return new SentimentReading(Sentiment.NEGATIVE, negative.score(), Set.of(p.label().signal()), List.copyOf(reasons),
                negative.method());
    }

    /** Only segmentation: the baseline the pipeline benchmark compares against. */
    static int segmentOnly(String text) {
        return ChineseText.words(ChineseText.normalised(text)).size();
    }

    static Map<String, Set<String>> criteriaLexicon() {
        return Lexicons.sections("analysis/criteria.txt");
    }

    static Map<String, Set<String>> categoryLexicon() {
        return Lexicons.sections("analysis/categories.txt");
    }
}

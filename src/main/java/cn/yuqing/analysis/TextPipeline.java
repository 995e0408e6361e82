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

    private final Gazetteer gazetteer;
    private final SchemeMatcher schemes;
    private final LexiconSentiment lexicon;
    private final NaiveBayes<Sentiment> model;
    private final TopicModel topics;
    private final CueWords criteria;
    private final CueWords categories;

    TextPipeline(Gazetteer gazetteer, SchemeMatcher schemes, LexiconSentiment lexicon, NaiveBayes<Sentiment> model,
            TopicModel topics, CueWords criteria, CueWords categories) {
        this.topics = topics;
        this.gazetteer = gazetteer;
        this.schemes = schemes;
        this.lexicon = lexicon;
        this.model = model;
        this.criteria = criteria;
        this.categories = categories;
    }

    TextPipeline withModel(NaiveBayes<Sentiment> newModel) {
        return new TextPipeline(gazetteer, schemes, lexicon, newModel, topics, criteria, categories);
    }

    TextPipeline withSchemes(SchemeMatcher newSchemes) {
        return new TextPipeline(gazetteer, newSchemes, lexicon, model, topics, criteria, categories);
    }

    TextPipeline withGazetteer(Gazetteer newGazetteer) {
        return new TextPipeline(newGazetteer, schemes, lexicon, model, topics, criteria, categories);
    }

    TextPipeline withTopics(TopicModel newTopics) {
        return new TextPipeline(gazetteer, schemes, lexicon, model, newTopics, criteria, categories);
    }

    NaiveBayes<Sentiment> model() {
        return model;
    }

    Features analyse(String title, String text, Long channelId, Long unitId) {
        String whole = title == null || title.isBlank() ? text : title + "\n" + text;
        String simplified = ChineseText.normalised(whole);
        List<Term> terms = ChineseText.terms(simplified);
        List<String> words = terms.stream().map(t -> t.word).filter(w -> !w.isBlank()).toList();
        SentimentReading baseline = lexicon.read(words, simplified);
        SentimentReading sentiment = baseline;
        if (model != null && model.examples() >= MODEL_MINIMUM) {
            SentimentReading learnt = NaiveBayes.sentiment(model, words, simplified);
            // the model decides the label; the lexicon's signals and reasons stay, as they explain
            sentiment = new SentimentReading(learnt.sentiment(), learnt.score(),
                    learnt.sentiment() == Sentiment.NEGATIVE ? baseline.signals() : Set.of(), baseline.reasons(), learnt.method());
        }
        List<Gazetteer.Hit> hits = gazetteer.find(simplified);
        return new Features(simplified, ChineseText.keywords(terms, 5), ChineseText.summary(simplified), sentiment, baseline,
                hits.stream().filter(h -> h.target().kind() == Gazetteer.Kind.PLACE).toList(),
                hits.stream().filter(h -> h.target().kind() == Gazetteer.Kind.UNIT).toList(),
                topics == null ? schemes.match(simplified, channelId, unitId)
                        : topics.addTo(schemes.match(simplified, channelId, unitId), words, simplified),
                criteria.find(simplified), categories.find(simplified),
                MinHash.signature(simplified));
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

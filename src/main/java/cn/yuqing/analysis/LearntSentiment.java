package cn.yuqing.analysis;

import java.util.List;

/**
 * What the installation learnt about sentiment: polarity (negative or not) from the seeds, the
 * stream's sure readings and plain texts and the analysts' corrections; and mood (anger, anxiety
 * or neither) of negative texts from the stream's sure readings that named one.
 */
record LearntSentiment(NaiveBayes<Sentiment> polarity, NaiveBayes<StreamExamples.Mood> mood) {

    /**
     * Laplace smoothing on counts: on the development halves neither smaller smoothing (0.1, 0.3)
     * nor counting a word once per text did better beyond noise.
     */
    static final double SMOOTHING = 1;
    static final boolean ONCE_PER_TEXT = false;

    static LearntSentiment of(List<NaiveBayes.Example<Sentiment>> polarity, List<NaiveBayes.Example<StreamExamples.Mood>> mood) {
        return new LearntSentiment(new NaiveBayes<>(polarity, SMOOTHING, ONCE_PER_TEXT),
                new NaiveBayes<>(mood, SMOOTHING, ONCE_PER_TEXT));
    }
}

package cn.yuqing.analysis;

import java.util.List;

/**
 * What the installation learnt about sentiment: polarity (negative or not) from the seeds, the
 * stream's sure readings and the analysts' corrections; and mood (anger, anxiety or neither) of
 * negative texts from the stream's sure readings that named one.
 */
record LearntSentiment(NaiveBayes<Sentiment> polarity, NaiveBayes<StreamExamples.Mood> mood) {

    /** Both models as the engine and the evaluation build them. */
    static LearntSentiment of(List<NaiveBayes.Example<Sentiment>> polarity, List<NaiveBayes.Example<StreamExamples.Mood>> mood) {
        return new LearntSentiment(new NaiveBayes<>(polarity), new NaiveBayes<>(mood));
    }
}

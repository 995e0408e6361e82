package cn.yuqing.analysis;

/**
 * What the installation learnt about sentiment: polarity (negative or not) from the seeds, the
 * stream's sure readings and the analysts' corrections; and mood (anger, anxiety or neither) of
 * negative texts from the stream's sure readings that named one.
 */
record LearntSentiment(NaiveBayes<Sentiment> polarity, NaiveBayes<StreamExamples.Mood> mood) {
}

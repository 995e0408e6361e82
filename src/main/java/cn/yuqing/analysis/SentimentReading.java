package cn.yuqing.analysis;

import java.util.List;
import java.util.Set;

/** A sentiment with the signals and the words that produced it, and which method read it. */
public record SentimentReading(Sentiment sentiment, double score, Set<Sentiment.Signal> signals, List<String> reasons,
        String method) {
}

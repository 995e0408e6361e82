package cn.yuqing.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Distant supervision from the installation's own stream: where the lexicon is sure of a text
 * (a reading at least {@link #CONFIDENT} from neutral), the text becomes an example for the
 * trainable model. The model so learns the words of the county's own talk that sit next to the
 * sure ones — the lexicon's reach grows without an analyst's correction, and without shipping a
 * model trained on anyone's data. Bounded (the newest {@link #CAPACITY} examples), in memory: a
 * node that starts recalls them from the items it finds analysed ({@link #recall}), behind
 * whatever it has read meanwhile.
 */
final class StreamExamples {

    static final double CONFIDENT = 1.5;
    static final int KEPT_CHARACTERS = 500;
    static final int KEPT_WORDS = 300;
    static final int CAPACITY = 20_000;
    /**
     * Retrain after this many new examples, and then not more often than {@link #RETRAIN_PAUSE}
     * unless the balanced examples doubled since.
     */
    static final int RETRAIN_AFTER = 200;
    static final Duration RETRAIN_PAUSE = Duration.ofSeconds(30);

    /** The mood of a sure negative reading: the lexicon's anger or anxiety, or neither (grief, disappointment). */
    enum Mood {
        ANGER(Sentiment.Signal.ANGER), FEAR(Sentiment.Signal.FEAR), NEITHER(null);

        private final Sentiment.Signal signal;

        Mood(Sentiment.Signal signal) {
            this.signal = signal;
        }

        Sentiment.Signal signal() {
            return signal;
        }
    }

    private final ArrayDeque<NaiveBayes.Example<Sentiment>> negative = new ArrayDeque<>();
    private final ArrayDeque<NaiveBayes.Example<Mood>> moods = new ArrayDeque<>();
    private final ArrayDeque<NaiveBayes.Example<Sentiment>> positive = new ArrayDeque<>();
    private final Clock clock;
    private int sinceTraining;
    private Instant lastTraining = Instant.MIN;
    private int balancedAtTraining;

    StreamExamples(Clock clock) {
        this.clock = clock;
    }

    /** Takes the text if the lexicon is sure of it; true when the model is due to be retrained. */
    synchronized boolean offer(SentimentReading baseline, List<String> words, String text) {
        if (Math.abs(baseline.score()) < CONFIDENT) {
            return false;
        }
        Example e = Example.of(baseline, words, text);
        ArrayDeque<NaiveBayes.Example<Sentiment>> examples = heldWith(e);
        if (examples.size() == CAPACITY / 2) {
            examples.removeFirst();
        }
        examples.addLast(e.polarity());
        if (e.mood() != null) {
            if (moods.size() == CAPACITY / 2) {
                moods.removeFirst();
            }
            moods.addLast(e.mood());
        }
        sinceTraining++;
        Instant now = clock.instant();
        int balanced = 2 * Math.min(negative.size(), positive.size());
        // a young model is retrained as soon as its examples doubled, so that a burst teaches it
        // while the burst is read; a grown one at most every pause
        if (sinceTraining >= RETRAIN_AFTER
                && (balanced >= 2 * balancedAtTraining || !now.isBefore(lastTraining.plus(RETRAIN_PAUSE)))) {
            sinceTraining = 0;
            lastTraining = now;
            balancedAtTraining = Math.max(balanced, 1);
            return true;
        }
        return false;
    }

    /**
     * An item read before this node started, taken if the lexicon is sure of it and there is room:
     * older than every example held, so it goes in front and never pushes out what was read since.
     * The caller recalls the newest first. True while there is room for either label.
     */
    synchronized boolean recall(SentimentReading baseline, List<String> words, String text) {
        if (Math.abs(baseline.score()) >= CONFIDENT) {
            Example e = Example.of(baseline, words, text);
            ArrayDeque<NaiveBayes.Example<Sentiment>> examples = heldWith(e);
            if (examples.size() < CAPACITY / 2) {
                examples.addFirst(e.polarity());
                if (e.mood() != null && moods.size() < CAPACITY / 2) {
                    moods.addFirst(e.mood());
                }
            }
        }
        return negative.size() < CAPACITY / 2 || positive.size() < CAPACITY / 2;
    }

    private ArrayDeque<NaiveBayes.Example<Sentiment>> heldWith(Example e) {
        return e.polarity().label() == Sentiment.NEGATIVE ? negative : positive;
    }

    /** A sure reading as the models learn it: its polarity, and the mood of a negative one. */
    private record Example(NaiveBayes.Example<Sentiment> polarity, NaiveBayes.Example<Mood> mood) {

        static Example of(SentimentReading baseline, List<String> words, String text) {
            // a long article is kept by its opening: 20,000 whole texts would weigh on the heap
            List<String> kept = List.copyOf(words.size() > KEPT_WORDS ? words.subList(0, KEPT_WORDS) : words);
            String keptText = text.length() > KEPT_CHARACTERS ? text.substring(0, KEPT_CHARACTERS) : text;
            if (baseline.score() > 0) {
                return new Example(new NaiveBayes.Example<>(Sentiment.POSITIVE, kept, keptText), null);
            }
            Mood mood = baseline.signals().contains(Sentiment.Signal.ANGER) ? Mood.ANGER
                    : baseline.signals().contains(Sentiment.Signal.FEAR) ? Mood.FEAR : Mood.NEITHER;
            return new Example(new NaiveBayes.Example<>(Sentiment.NEGATIVE, kept, keptText),
                    new NaiveBayes.Example<>(mood, kept, keptText));
        }
    }

    /**
     * As many of each label, the newest: the lexicon is surer of complaints than of praise, and
     * that leaning must not become the model's prior.
     */
    synchronized List<NaiveBayes.Example<Sentiment>> polarity() {
        int each = Math.min(negative.size(), positive.size());
        List<NaiveBayes.Example<Sentiment>> balanced = new java.util.ArrayList<>(2 * each);
        negative.stream().skip(negative.size() - each).forEach(balanced::add);
        positive.stream().skip(positive.size() - each).forEach(balanced::add);
        return balanced;
    }

    synchronized int negatives() {
        return negative.size();
    }

    synchronized int positives() {
        return positive.size();
    }

    /** The sure negative readings with the mood the lexicon named in them. */
    synchronized List<NaiveBayes.Example<Mood>> moods() {
        return List.copyOf(moods);
    }
}

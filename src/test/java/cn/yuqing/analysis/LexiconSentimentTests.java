package cn.yuqing.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.yuqing.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading that needs no training, and what the stream teaches the model: plain unit tests. */
class LexiconSentimentTests {

    static final LexiconSentiment LEXICON = new LexiconSentiment();

    static SentimentReading read(String text) {
        String s = ChineseText.normalised(text);
        return LEXICON.read(ChineseText.words(s), s);
    }

    @Test
    void anAccusingQuestionIsAngerThoughNoWordInItIsNegative() {
        SentimentReading r = read("凭什么别人家的补偿款早就到了，我们家的还要再等半年？");
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.signals()).containsExactly(Sentiment.Signal.ANGER);
        assertThat(r.reasons()).anyMatch(reason -> reason.startsWith("凭什么"));
        assertThat(read("这条路修了三年了，怎么还不通车").signals()).containsExactly(Sentiment.Signal.ANGER);
    }

    @Test
    void aPleaIsAnxietyAndASneerIsAnger() {
        SentimentReading plea = read("小区又停水三天了，家里还有老人孩子，这可怎么办");
        assertThat(plea.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(plea.signals()).containsExactly(Sentiment.Signal.FEAR);
        SentimentReading sneer = read("呵呵，又是“正在调查”");
        assertThat(sneer.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sneer.signals()).containsExactly(Sentiment.Signal.ANGER);
    }

    @Test
    void aPatternRunsOnlyWhereAWordItBeginsWithOccurs() {
        assertThat(LexiconSentiment.guard("(怎么|咋)[^,.]{0,8}(不|没)")).containsExactly("怎么", "咋");
        assertThat(LexiconSentiment.guard("难道.{0,20}[吗?]")).containsExactly("难道");
        assertThat(LexiconSentiment.guard("(还有没有|有没有)(天理|良心)|良心(不会痛)")).containsExactly("还有没有", "有没有", "良心");
        assertThat(LexiconSentiment.guard("呵呵?又")).containsExactly("呵");
        assertThat(LexiconSentiment.guard("(快点?|赶紧)滚")).as("an alternative that is no plain word").isNull();
        assertThat(LexiconSentiment.guard("(?<=真)垃圾")).isNull();
        assertThat(LexiconSentiment.guard("垃圾|[真太]垃圾")).as("a branch without a word").isNull();
        assertThat(LexiconSentiment.guard(TextPipeline.NEWS.pattern())).as("the news rule's").containsExactly("【", "据", "记者");
    }

    /** The guard only saves time: on real posts every shipped pattern finds exactly what its regex alone finds. */
    @Test
    void everyShippedPatternFindsWithItsGuardWhatItsRegexFinds() {
        LexiconSentiment lexicon = new LexiconSentiment();
        List<String> posts = cn.yuqing.support.SharedPosts.weibo(100_000, 1);
        long guarded = lexicon.patterns().stream().filter(c -> c.guard() != null).count();
        assertThat(guarded).as("most patterns have a guard").isGreaterThan(lexicon.patterns().size() / 2);
        int found = 0;
        for (String post : posts) {
            String s = ChineseText.normalised(post);
            for (LexiconSentiment.Cue cue : lexicon.patterns()) {
                boolean alone = cue.pattern().matcher(s).find();
                assertThat(cue.findIn(s)).as(cue.reason() + " in " + s).isEqualTo(alone);
                found += alone ? 1 : 0;
            }
        }
        assertThat(found).as("the patterns find something in real posts").isGreaterThan(100);
    }

    @Test
    void emoticonsCountWholeAndTheirInnerWordIsNotCountedAgain() {
        SentimentReading angry = read("排了三个小时的队[怒]");
        assertThat(angry.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(angry.reasons()).containsExactly("[怒](−)");
        assertThat(angry.signals()).containsExactly(Sentiment.Signal.ANGER);
        assertThat(read("终于通车了[鼓掌][鼓掌]").sentiment()).isEqualTo(Sentiment.POSITIVE);
        // a bracket that is no emoticon is read as text
        assertThat(read("[网友爆料：医院乱收费太黑心]").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("孩子平安找到了🙏👍").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void negationFlipsWithinItsClauseOnlyAndTheLaterClauseOfAContrastCountsMore() {
        assertThat(read("窗口工作人员很不耐心").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        // the negator of the first clause does not reach the praise of the second
        assertThat(read("不说别的，这次处理得很及时，感谢").sentiment()).isEqualTo(Sentiment.POSITIVE);
        SentimentReading contrast = read("态度还算热情，但是问题拖了两个月还没解决，太失望了");
        assertThat(contrast.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void griefIsNegativeWithoutAngerOrAnxietyAndGratitudeIsPositive() {
        SentimentReading grief = read("又一位医生倒在了一线，一路走好");
        assertThat(grief.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(grief.signals()).isEmpty();
        assertThat(read("向一线医护人员致敬，你们辛苦了").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("请问医保什么时候开始缴费").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void theStreamKeepsOnlyWhatTheLexiconIsSureOfAndAsksForRetrainingAfterAPause() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
        StreamExamples stream = new StreamExamples(clock);
        String unsure = "今天县里开了个会";
        assertThat(stream.offer(read(unsure), List.of("今天"), unsure)).isFalse();
        assertThat(stream.polarity()).isEmpty();
        boolean due = false;
        for (int i = 0; i < StreamExamples.RETRAIN_AFTER; i++) {
            due |= stream.offer(read("太失望了，投诉多次没人管[怒]"), List.of("失望"), "t" + i);
        }
        assertThat(due).as("the first " + StreamExamples.RETRAIN_AFTER + " sure readings ask for a model").isTrue();
        assertThat(stream.moods()).hasSize(StreamExamples.RETRAIN_AFTER)
                .allMatch(e -> e.label() == StreamExamples.Mood.ANGER);
        assertThat(stream.polarity()).as("as many of each polarity: none while all are complaints").isEmpty();
        boolean again = false;
        for (int i = 0; i < StreamExamples.RETRAIN_AFTER / 2; i++) {
            again |= stream.offer(read("感谢工作人员，问题很快解决了，非常满意"), List.of("感谢"), "p" + i);
        }
        assertThat(again).as("not again within the pause").isFalse();
        assertThat(stream.polarity()).hasSize(StreamExamples.RETRAIN_AFTER)
                .filteredOn(e -> e.label() == Sentiment.NEGATIVE).hasSize(StreamExamples.RETRAIN_AFTER / 2);
        assertThat(stream.moods()).hasSize(StreamExamples.RETRAIN_AFTER);
        clock.advance(StreamExamples.RETRAIN_PAUSE);
        boolean later = false;
        for (int i = 0; i < StreamExamples.RETRAIN_AFTER / 2; i++) {
            later |= stream.offer(read("感谢工作人员，问题很快解决了，非常满意"), List.of("感谢"), "q" + i);
        }
        assertThat(later).as("after the pause, once " + StreamExamples.RETRAIN_AFTER + " more were taken").isTrue();
        // within the pause again: more complaints leave the balanced set as it was, more praise doubles it
        boolean unbalanced = false;
        for (int i = 0; i < StreamExamples.RETRAIN_AFTER; i++) {
            unbalanced |= stream.offer(read("太失望了，投诉多次没人管[怒]"), List.of("失望"), "n" + i);
        }
        assertThat(unbalanced).isFalse();
        boolean doubled = false;
        for (int i = 0; i < StreamExamples.RETRAIN_AFTER; i++) {
            doubled |= stream.offer(read("感谢工作人员，问题很快解决了，非常满意"), List.of("感谢"), "r" + i);
        }
        assertThat(doubled).as("a young model is retrained once its examples doubled, pause or not").isTrue();
    }

    @Test
    void examplesRecalledAtStartGoBehindWhatWasReadSinceAndNeverPushItOut() {
        StreamExamples stream = new StreamExamples(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        SentimentReading complaint = read("太失望了，投诉多次没人管[怒]");
        SentimentReading praise = read("感谢工作人员，问题很快解决了，非常满意");
        for (int i = 0; i < 3; i++) {
            stream.offer(complaint, List.of("失望"), "read since " + i);
            stream.offer(praise, List.of("感谢"), "praise " + i);
        }
        String unsure = "今天县里开了个会";
        assertThat(stream.recall(read(unsure), List.of("今天"), unsure)).isTrue();
        assertThat(stream.negatives() + stream.positives()).as("an unsure reading is not recalled").isEqualTo(6);
        boolean room = true;
        for (int i = 0; i < StreamExamples.CAPACITY; i++) {
            room = stream.recall(complaint, List.of("失望"), "recalled " + i);
        }
        assertThat(room).as("room for praise remains").isTrue();
        assertThat(stream.negatives()).isEqualTo(StreamExamples.CAPACITY / 2);
        assertThat(stream.polarity()).as("the newest complaints are still those read since the start")
                .filteredOn(e -> e.label() == Sentiment.NEGATIVE).extracting(NaiveBayes.Example::text)
                .containsExactly("read since 0", "read since 1", "read since 2");
        assertThat(stream.moods()).hasSize(StreamExamples.CAPACITY / 2).last()
                .extracting(NaiveBayes.Example::text).isEqualTo("read since 2");
        for (int i = 0; i < StreamExamples.CAPACITY; i++) {
            room = stream.recall(praise, List.of("感谢"), "recalled praise " + i);
        }
        assertThat(room).as("full both ways: the recall may stop").isFalse();
        assertThat(stream.positives()).isEqualTo(StreamExamples.CAPACITY / 2);
    }

    @Test
    void whatTheStreamTeachesCarriesToWordsTheLexiconDoesNotKnow() {
        StreamExamples stream = new StreamExamples(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<String> sure = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // a compound's name sits beside sure complaints in the stream
            sure.add("翠湖苑" + i + "号楼又停水了，业主太失望了，投诉多次没人管");
            sure.add("感谢县里帮忙" + i + "，问题很快解决了，非常满意");
        }
        for (String text : sure) {
            String s = ChineseText.normalised(text);
            stream.offer(read(s), ChineseText.words(s), s);
        }
        LearntSentiment model = LearntSentiment.of(stream.polarity(), stream.moods());
        String unknown = "翠湖苑今天的情况";
        SentimentReading lexiconAlone = read(unknown);
        assertThat(lexiconAlone.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        SentimentReading taught = TextPipeline.read(lexiconAlone, model, ChineseText.words(unknown), unknown);
        assertThat(taught.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(taught.score()).isNegative();
        assertThat(taught.method()).contains("学习模型");
        // told as news, the same words stay the lexicon's call
        String news = "【翠湖苑今天的情况】据县融媒体中心报道";
        SentimentReading reported = TextPipeline.read(read(news), model, ChineseText.words(news), news);
        assertThat(reported.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(reported.reasons()).anyMatch(r -> r.startsWith("新闻体"));
        // a complaint carries dates as often as news does: a date alone is no headline
        String dated = "3月5日以来翠湖苑今天的情况";
        assertThat(TextPipeline.read(read(dated), model, ChineseText.words(dated), dated).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }
}

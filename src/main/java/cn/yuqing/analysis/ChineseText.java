package cn.yuqing.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * HanLP, offline from its jar: normalised and traditional → simplified first (so 縣 and 县 are one word), then
 * segmentation without part-of-speech or name recognition (places and units come from the
 * gazetteer, not from guessing), TextRank keywords and, for long texts, a summary.
 */
final class ChineseText {

    static final int SUMMARY_FROM = 300;

    private static final Segment SEGMENT = HanLP.newSegment().enablePartOfSpeechTagging(false)
            .enableAllNamedEntityRecognize(false).enableCustomDictionary(true);

    private ChineseText() {
    }

    /** Unicode format characters: zero-width spaces and joiners, the BOM, bidirectional controls. */
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");

    /**
     * The one form every machine reading starts from: format characters removed (so that
     * "踅\u200b孜镇" is 踅孜镇), compatibility forms folded by NFKC (full-width letters, digits and
     * punctuation to their plain forms), traditional to simplified. The stored text stays as the
     * citizen wrote it: it is the evidence.
     */
    static String normalised(String text) {
        String visible = FORMAT.matcher(text).replaceAll("");
        return simplified(Normalizer.isNormalized(visible, Normalizer.Form.NFKC) ? visible
                : Normalizer.normalize(visible, Normalizer.Form.NFKC));
    }

    static String simplified(String text) {
        return HanLP.convertToSimplifiedChinese(text);
    }

    static List<String> words(String simplified) {
        List<Term> terms = SEGMENT.seg(simplified);
        List<String> words = new ArrayList<>(terms.size());
        for (Term t : terms) {
            String w = t.word.strip();
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    static List<Term> terms(String simplified) {
        return SEGMENT.seg(simplified);
    }

    static List<String> keywords(List<Term> terms, int size) {
        List<String> content = new ArrayList<>();
        for (Term t : terms) {
            if (t.word.length() > 1 && Character.isLetterOrDigit(t.word.charAt(0)) && !STOP.contains(t.word)) {
                content.add(t.word);
            }
        }
        return TextRank.keywords(content, size);
    }

    static String summary(String simplified) {
        if (simplified.length() < SUMMARY_FROM) {
            return null;
        }
        return String.join("；", HanLP.extractSummary(simplified, 2));
    }

    /** Names the gazetteer knows are kept whole by the segmenter. */
    static void teach(Iterable<String> words) {
        for (String w : words) {
            if (w.length() > 1) {
                CustomDictionary.add(w);
            }
        }
    }

    private static final java.util.Set<String> STOP = java.util.Set.of("我们", "你们", "他们", "这个", "那个", "什么", "怎么",
            "没有", "就是", "还是", "但是", "因为", "所以", "如果", "已经", "可以", "这样", "一个", "现在", "自己", "大家", "有关",
            "希望", "请问", "反映", "群众");
}

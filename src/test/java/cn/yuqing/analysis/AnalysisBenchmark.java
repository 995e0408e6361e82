package cn.yuqing.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.ChinesePosts;

/**
 * The analysis benchmark and quality report: pipeline throughput against bare segmentation in the
 * same run, sentiment on the labelled Weibo set (evaluation only: read from ../shared, never
 * shipped; the learning curve trains throw-away models on one part and tests on another), and
 * near-duplicate precision and recall of MinHash + LSH against brute-force Jaccard.
 *
 * <p>Run: {@code ./mvnw -B test -Pbench -Dtest=AnalysisBenchmark}. Writes target/bench/analysis-*.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class AnalysisBenchmark {

    static final Path EVAL = Path.of("..", "shared", "data", "eval", "weibo-covid-labelled.csv");

    @Autowired
    AnalysisEngine engine;

    StringBuilder report = new StringBuilder();

    @Test
    void pipelineThroughputAgainstBareSegmentation() throws IOException {
        TextPipeline pipeline = engine.pipeline();
        List<String> posts = ChinesePosts.texts(5000, 7);
        for (int warm = 0; warm < 2; warm++) {
            posts.forEach(TextPipeline::segmentOnly);
            posts.forEach(p -> pipeline.analyse(null, p, null, null));
        }
        List<Double> seg1 = new ArrayList<>();
        List<Double> full1 = new ArrayList<>();
        List<Double> full2 = new ArrayList<>();
        List<Double> seg2 = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            seg1.add(rate(posts, () -> posts.forEach(TextPipeline::segmentOnly)));
            full1.add(rate(posts, () -> posts.forEach(p -> pipeline.analyse(null, p, null, null))));
            seg2.add(rate(posts, () -> posts.parallelStream().forEach(TextPipeline::segmentOnly)));
            full2.add(rate(posts, () -> posts.parallelStream().forEach(p -> pipeline.analyse(null, p, null, null))));
        }
        String text = String.format("""
                analysis pipeline (5 rounds of 5,000 posts of 250 characters, %d cores, Java %s)
                  bare segmentation, 1 thread   : median %,.0f items/s
                  full pipeline,     1 thread   : median %,.0f items/s   ratio %.2f
                  bare segmentation, all cores  : median %,.0f items/s
                  full pipeline,     all cores  : median %,.0f items/s   ratio %.2f
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), median(seg1),
                median(full1), median(full1) / median(seg1), median(seg2), median(full2), median(full2) / median(seg2));
        System.out.println(text);
        write("analysis-pipeline.txt", text);
    }

    private static double rate(List<String> posts, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return posts.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    record Labelled(String text, boolean negative) {
    }

    /**
     * The labelled posts, each text once: the set repeats about half its texts (21,173 rows, some
     * 11,000 distinct), and a text in both the training and the test part would flatter the model.
     */
    static List<Labelled> eval() throws IOException {
        Assumptions.assumeTrue(Files.exists(EVAL), "评估数据不存在：" + EVAL);
        List<Labelled> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(EVAL, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String label = r.get(r.size() - 1).strip();
                String text = r.get(0).replace("\uFEFF", "");
                if (!text.isBlank() && label.matches("[0-6]") && seen.add(text.strip())) {
                    // negative = fear, disgust, sadness, anger (data README)
                    rows.add(new Labelled(text, Set.of("0", "1", "5", "6").contains(label)));
                }
            }
        }
        return rows;
    }

    record Score(double accuracy, double macroF1, double negPrecision, double negRecall) {
    }

    static Score score(List<Boolean> truth, List<Boolean> predicted) {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < truth.size(); i++) {
            boolean t = truth.get(i), p = predicted.get(i);
            if (t && p) tp++; else if (!t && p) fp++; else if (!t) tn++; else fn++;
        }
        double pNeg = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double rNeg = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double fNeg = pNeg + rNeg == 0 ? 0 : 2 * pNeg * rNeg / (pNeg + rNeg);
        double pPos = tn + fn == 0 ? 0 : tn / (double) (tn + fn);
        double rPos = tn + fp == 0 ? 0 : tn / (double) (tn + fp);
        double fPos = pPos + rPos == 0 ? 0 : 2 * pPos * rPos / (pPos + rPos);
        return new Score((tp + tn) / (double) truth.size(), (fNeg + fPos) / 2, pNeg, rNeg);
    }

    /** Every sentiment figure of docs/analysis-quality.md, on both evaluation sets ({@link SentimentEvaluation}). */
    @Test
    void sentimentQualityOnBothEvaluationSets() throws IOException {
        Assumptions.assumeTrue(Files.exists(SentimentEvaluation.WEIBO), "评估数据不存在：" + SentimentEvaluation.WEIBO);
        String md = SentimentEvaluation.fullReport();
        System.out.println(md);
        write("analysis-sentiment.md", md);
    }

    @Test
    void nearDuplicatePrecisionAndRecallAgainstBruteForce() throws IOException {
        List<Labelled> rows = eval();
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (Labelled r : rows) {
            if (MinHash.normalise(r.text()).length() >= 25 && texts.size() < 2000) {
                texts.add(r.text());
            }
        }
        int originals = texts.size();
        String[] comments = {"转发微博", "说得对", "顶！", "希望早日解决", "同感", "关注", "太难了"};
        for (int i = 0; i < 600; i++) {
            String source = texts.get(random.nextInt(originals));
            String copy = switch (i % 4) {
                case 0 -> "转发微博：" + comments[random.nextInt(comments.length)] + " //@网友" + i + ":" + source;
                case 1 -> source + " " + comments[random.nextInt(comments.length)];
                case 2 -> dropChar(source, random);
                default -> "#话题" + i + "# " + source.replace("，", " ").replace("。", "！");
            };
            texts.add(copy);
        }
        List<Set<Long>> shingles = texts.stream().map(MinHash::shingles).toList();
        List<int[]> signatures = shingles.stream().map(MinHash::signature).toList();

        Set<Long> truth = new HashSet<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (MinHash.jaccard(shingles.get(i), shingles.get(j)) >= MinHash.NEAR_DUPLICATE) {
                    truth.add((long) i * 100_000 + j);
                }
            }
        }
        double bruteSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            for (long key : MinHash.bandKeys(signatures.get(i))) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> candidates = new HashSet<>();
        for (List<Integer> bucket : buckets.values()) {
            for (int a = 0; a < bucket.size(); a++) {
                for (int b = a + 1; b < bucket.size(); b++) {
                    int i = Math.min(bucket.get(a), bucket.get(b));
                    int j = Math.max(bucket.get(a), bucket.get(b));
                    candidates.add((long) i * 100_000 + j);
                }
            }
        }
        Set<Long> predicted = new HashSet<>();
        for (long pair : candidates) {
            int i = (int) (pair / 100_000);
            int j = (int) (pair % 100_000);
            if (MinHash.similarity(signatures.get(i), signatures.get(j)) >= MinHash.NEAR_DUPLICATE) {
                predicted.add(pair);
            }
        }
        double lshSeconds = (System.nanoTime() - t1) / 1e9;
        long tp = predicted.stream().filter(truth::contains).count();
        String md = String.format("""

                ## Near-duplicates: MinHash + LSH against brute force

                %,d texts: %,d posts from the labelled set and %,d near-copies made from them (reposts with a
                comment and a //@ chain, an appended remark, a dropped character, a topic tag with changed
                punctuation). Truth: every pair whose exact Jaccard similarity of character 3-shingles is at
                least %.1f, found by comparing all %,d pairs (%.1f s). Prediction: pairs sharing an LSH band
                (%d bands × %d rows of %d hashes) whose estimated similarity is at least %.1f (%.2f s).

                | pairs in truth | predicted | true positives | precision | recall |
                |---|---|---|---|---|
                | %,d | %,d | %,d | %.3f | %.3f |
                """, texts.size(), originals, texts.size() - originals, MinHash.NEAR_DUPLICATE,
                (long) texts.size() * (texts.size() - 1) / 2, bruteSeconds, MinHash.BANDS, MinHash.ROWS, MinHash.HASHES,
                MinHash.NEAR_DUPLICATE, lshSeconds, truth.size(), predicted.size(), tp,
                predicted.isEmpty() ? 0 : tp / (double) predicted.size(), truth.isEmpty() ? 0 : tp / (double) truth.size());
        System.out.println(md);
        write("analysis-near-duplicates.md", md);
    }

    private static String dropChar(String s, Random random) {
        int i = random.nextInt(s.length());
        return s.substring(0, i) + s.substring(i + 1);
    }

    private static void write(String name, String text) throws IOException {
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench", name), text);
    }
}

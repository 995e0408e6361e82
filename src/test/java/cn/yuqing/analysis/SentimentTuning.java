package cn.yuqing.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.yuqing.analysis.SentimentEvaluation.Labelled;
import cn.yuqing.analysis.SentimentEvaluation.Mood;

/**
 * Tuning on the DEVELOPMENT halves only (evaluation code, never shipped): reads no text of a test
 * half. The stream is the development halves (labels unused), as in {@link SentimentEvaluation}; the
 * simulated corrections are taken from one fold of the development half and measured on the other
 * (two folds by a second bit of the text's hash), so that no figure here rests on a text's own label.
 */
final class SentimentTuning {

    record Row(Labelled labelled, String s, List<String> words, SentimentReading lexicon) {
    }

    static int fold(String text) {
        return (text.hashCode() >>> 1) & 1;
    }

    static List<Row> rows(LexiconSentiment lexicon, List<Labelled> all) {
        List<Row> rows = new ArrayList<>();
        for (Labelled l : all) {
            if (!SentimentEvaluation.development(l.text())) {
                continue;
            }
            String s = ChineseText.normalised(l.text());
            List<String> words = ChineseText.words(s);
            rows.add(new Row(l, s, words, lexicon.read(words, s)));
        }
        return rows;
    }

    /** {@code sure,negativeFrom,angerFrom,fearFrom[,newsByLexicon]} */
    static TextPipeline.Line line(String s) {
        String[] f = s.split(",");
        return new TextPipeline.Line(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), f.length <= 4 || Boolean.parseBoolean(f[4]));
    }

    public static void main(String[] args) throws IOException {
        LexiconSentiment lexicon = new LexiconSentiment();
        // per fold: what the stream of the OTHER fold teaches, so that no text is read by a model that learnt from it
        List<List<NaiveBayes.Example<Sentiment>>> bases = new ArrayList<>();
        List<List<NaiveBayes.Example<StreamExamples.Mood>>> moods = new ArrayList<>();
        List<String> stream = SentimentEvaluation.stream();
        for (int f = 0; f < 2; f++) {
            StreamExamples examples = new StreamExamples(java.time.Clock.systemUTC());
            for (String text : stream) {
                if (fold(text) == f) {
                    continue;
                }
                String s = ChineseText.normalised(text);
                List<String> w = ChineseText.words(s);
                examples.offer(lexicon.read(w, s), w, s);
            }
            List<NaiveBayes.Example<Sentiment>> base = new ArrayList<>(AnalysisEngine.seeds());
            base.addAll(examples.polarity());
            bases.add(base);
            moods.add(examples.moods());
            System.out.println("fold " + f + ": stream examples " + examples.polarity().size());
        }
        int corrections = Integer.getInteger("corrections", 0);
        for (String set : List.of("weibo", "incidents")) {
            List<Row> rows = rows(lexicon, set.equals("weibo") ? SentimentEvaluation.weibo() : SentimentEvaluation.incidents());
            // per fold: the model taught by the stream and the other fold's corrections
            List<LearntSentiment> byFold = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                List<NaiveBayes.Example<Sentiment>> training = new ArrayList<>(bases.get(f));
                List<Row> shuffled = new ArrayList<>(rows);
                java.util.Collections.shuffle(shuffled, new java.util.Random(42));
                int corrected = 0;
                for (Row r : shuffled) {
                    if (corrected >= corrections || fold(r.labelled().text()) == f) {
                        continue;
                    }
                    Mood m = r.labelled().mood();
                    Sentiment label = m.negative() ? Sentiment.NEGATIVE : m == Mood.POSITIVE ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                    for (int i = 0; i < Integer.getInteger("weight", AnalysisEngine.CORRECTION_WEIGHT); i++) {
                        training.add(new NaiveBayes.Example<>(label, r.words(), r.s()));
                    }
                    corrected++;
                }
                byFold.add(LearntSentiment.of(training, moods.get(f)));
            }
            if (Boolean.getBoolean("words")) {
                Map<String, int[]> stats = new java.util.TreeMap<>();
                for (Row r : rows) {
                    for (String reason : new java.util.HashSet<>(r.lexicon().reasons())) {
                        int[] c = stats.computeIfAbsent(reason, k -> new int[4]);
                        boolean t = r.labelled().mood().negative();
                        c[t ? 0 : 1]++;
                        if (r.lexicon().score() <= -0.5) {
                            c[t ? 2 : 3]++;
                        }
                    }
                }
                stats.forEach((w, c) -> {
                    if (c[0] + c[1] >= Integer.getInteger("minimum", 4) && w.endsWith("(−)")) {
                        System.out.printf("WORD %s %s neg %d not %d | read-neg: neg %d not %d%n", set, w, c[0], c[1], c[2], c[3]);
                    }
                });
            }
            String[] lines = System.getProperty("lines", "default").split(";");
            for (String line : lines) {
                TextPipeline.Line l = line.equals("default") ? TextPipeline.Line.DEFAULT : line(line);
                List<Labelled> truth = new ArrayList<>();
                List<Mood> read = new ArrayList<>();
                for (Row r : rows) {
                    truth.add(r.labelled());
                    read.add(Mood.of(TextPipeline.read(r.lexicon(), byFold.get(fold(r.labelled().text())), r.words(), r.s(), l)));
                }
                SentimentEvaluation.Report rep = SentimentEvaluation.report(set + " DEV " + line, truth, read);
                Map<Mood, double[]> pm = rep.perMood();
                System.out.printf("%-10s %-40s acc %.3f P %.3f R %.3f | anger %.3f anx %.3f neg %.3f neu %.3f pos %.3f%n", set,
                        line, rep.binary().accuracy(), rep.binary().negPrecision(), rep.binary().negRecall(),
                        pm.get(Mood.ANGER)[2], pm.get(Mood.ANXIETY)[2], pm.get(Mood.NEGATIVE)[2], pm.get(Mood.NEUTRAL)[2],
                        pm.get(Mood.POSITIVE)[2]);
                if (Boolean.getBoolean("buckets")) {
                    // reading negative, by the lexicon's score: true negatives found, false alarms, negatives missed
                    double[] edges = {-1.5, -0.5, 0, 1, 1.5};
                    int[][] b = new int[edges.length + 1][3];
                    for (int i = 0; i < rows.size(); i++) {
                        double sc = rows.get(i).lexicon().score();
                        int k = 0;
                        while (k < edges.length && sc > edges[k]) {
                            k++;
                        }
                        boolean t = rows.get(i).labelled().mood().negative(), p = read.get(i).negative();
                        if (p || t) {
                            b[k][p ? (t ? 0 : 1) : 2]++;
                        }
                    }
                    for (int k = 0; k <= edges.length; k++) {
                        System.out.printf("   lexicon bucket %s%.1f: TP %d FP %d FN %d%n", k < edges.length ? "<=" : ">",
                                edges[Math.min(k, edges.length - 1)], b[k][0], b[k][1], b[k][2]);
                    }
                }
                if (System.getProperty("moodMisses", "").equals(set)) {
                    java.util.Random random = new java.util.Random(Long.getLong("seed", 1));
                    Mood want = Mood.valueOf(System.getProperty("truth", "ANGER"));
                    Mood got = Mood.valueOf(System.getProperty("got", "NEGATIVE"));
                    for (int i = 0; i < rows.size(); i++) {
                        Row r = rows.get(i);
                        if (r.labelled().mood() == want && read.get(i) == got && random.nextInt(100) < Integer.getInteger("percent", 20)) {
                            System.out.printf("%s read %s lex %.2f %s | %s%n", want, got, r.lexicon().score(), r.lexicon().reasons(),
                                    r.s().substring(0, Math.min(100, r.s().length())).replace('\n', ' '));
                        }
                    }
                }
                String misses = System.getProperty("misses", "");
                if (misses.equals(set)) {
                    java.util.Random random = new java.util.Random(Long.getLong("seed", 1));
                    for (int i = 0; i < rows.size(); i++) {
                        Row r = rows.get(i);
                        Mood t = r.labelled().mood();
                        if (t.negative() != read.get(i).negative() && random.nextInt(100) < Integer.getInteger("percent", 20)) {
                            double p = byFold.get(fold(r.labelled().text())).polarity().posteriors(r.words(), r.s())
                                    .getOrDefault(Sentiment.NEGATIVE, 0.0);
                            System.out.printf("%s read %s lex %.2f pNeg %.3f %s | %s%n", t, read.get(i), r.lexicon().score(), p,
                                    r.lexicon().reasons(), r.s().substring(0, Math.min(140, r.s().length())).replace('\n', ' '));
                        }
                    }
                }
                if (Boolean.getBoolean("confusion")) {
                    System.out.println(rep.markdown());
                }
            }
        }
    }
}

package cn.yuqing.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Sentiment measured on the two evaluation sets (evaluation only, never shipped): the labelled
 * Weibo set of ../shared/data/eval and the incident set labelled by the guideline of
 * docs/analysis-quality.md. The incident set's texts are posts of that Weibo set, which may not be
 * copied into the repository: the repository keeps only our labels, each with the line it came
 * from and a digest of its text, and the texts are read from ../shared by the digest. Five moods: the Weibo set's seven emotions map onto them
 * (fear → anxiety, anger → anger, disgust and sadness → other negative, optimism and gratitude →
 * positive, surprise → neutral); binary: negative (anger, anxiety, other negative) against the rest.
 */
final class SentimentEvaluation {

    static final Path SHARED_EVAL = Path.of("..", "shared", "data", "eval");
    static final Path WEIBO = SHARED_EVAL.resolve("weibo-covid-labelled.csv");
    /** Our labels of the incident set: {@code source_line,text_sha256_16,mood}, no text. */
    static final Path INCIDENTS = Path.of("src", "test", "resources", "eval", "incident-labels.csv");

    enum Mood {
        ANGER, ANXIETY, NEGATIVE, NEUTRAL, POSITIVE;

        boolean negative() {
            return this == ANGER || this == ANXIETY || this == NEGATIVE;
        }

        static Mood of(SentimentReading r) {
            if (r.sentiment() != Sentiment.NEGATIVE) {
                return r.sentiment() == Sentiment.POSITIVE ? POSITIVE : NEUTRAL;
            }
            return r.signals().contains(Sentiment.Signal.ANGER) ? ANGER
                    : r.signals().contains(Sentiment.Signal.FEAR) ? ANXIETY : NEGATIVE;
        }
    }

    record Labelled(String text, Mood mood) {
    }

    /** The Weibo set, each text once (it repeats about half of them). */
    static List<Labelled> weibo() throws IOException {
        Map<String, Mood> byLabel = Map.of("0", Mood.ANXIETY, "1", Mood.NEGATIVE, "2", Mood.POSITIVE, "3", Mood.NEUTRAL,
                "4", Mood.POSITIVE, "5", Mood.NEGATIVE, "6", Mood.ANGER);
        return read(WEIBO, "review", "label", byLabel::get);
    }

    /** The incident set: real comments on public matters, labelled by our guideline. */
    static List<Labelled> incidents() throws IOException {
        Map<String, String> texts = new java.util.HashMap<>();
        for (Labelled post : read(WEIBO, "review", "label", l -> Mood.NEUTRAL)) {
            texts.putIfAbsent(digest(post.text()), post.text());
        }
        List<Labelled> rows = new ArrayList<>();
        for (Labelled label : read(INCIDENTS, "text_sha256_16", "mood", l -> Mood.valueOf(l.toUpperCase()))) {
            String text = texts.get(label.text());
            if (text == null) {
                throw new IllegalStateException("the incident label " + label.text() + " finds no post in " + WEIBO
                        + ": the shared Weibo set is not the one the labels were made on");
            }
            rows.add(new Labelled(text, label.mood()));
        }
        return rows;
    }

    /** The first 16 hex digits of the SHA-256 of the stripped text: enough to find a post, nothing of its words. */
    static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.strip().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Labelled> read(Path file, String textColumn, String labelColumn, Function<String, Mood> mood)
            throws IOException {
        List<Labelled> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String text = r.get(textColumn).strip();
                Mood m = mood.apply(r.get(labelColumn).strip());
                if (!text.isEmpty() && m != null && seen.add(text)) {
                    rows.add(new Labelled(text, m));
                }
            }
        }
        return rows;
    }

    /** Binary and per-mood figures of one method on one set, with the majority baseline beside them. */
    record Report(String set, int size, double majorityAccuracy, String majority, Binary binary,
            Map<Mood, double[]> perMood, int[][] confusion) {

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append(String.format("%s: %,d texts, majority (always \"%s\") accuracy %.3f%n%n", set, size, majority,
                    majorityAccuracy));
            md.append("| accuracy | macro-F1 | negative precision | negative recall |\n|---|---|---|---|\n");
            md.append(String.format("| %.3f | %.3f | %.3f | %.3f |%n%n", binary.accuracy(), binary.macroF1(),
                    binary.negPrecision(), binary.negRecall()));
            md.append("| mood | precision | recall | F1 | in truth |\n|---|---|---|---|---|\n");
            perMood.forEach((m, f) -> md.append(String.format("| %s | %.3f | %.3f | %.3f | %d |%n", m, f[0], f[1], f[2],
                    (int) f[3])));
            md.append("\nconfusion (rows truth, columns reading): ");
            for (Mood m : Mood.values()) {
                md.append(m).append(' ');
            }
            md.append('\n');
            for (Mood t : Mood.values()) {
                md.append(String.format("%-9s", t));
                for (Mood p : Mood.values()) {
                    md.append(String.format("%6d", confusion[t.ordinal()][p.ordinal()]));
                }
                md.append('\n');
            }
            return md.toString();
        }
    }

    record Binary(double accuracy, double macroF1, double negPrecision, double negRecall) {
    }

    static Report report(String set, List<Labelled> rows, List<Mood> read) {
        int[][] confusion = new int[5][5];
        int tp = 0, fp = 0, tn = 0, fn = 0, negatives = 0;
        for (int i = 0; i < rows.size(); i++) {
            Mood t = rows.get(i).mood(), p = read.get(i);
            confusion[t.ordinal()][p.ordinal()]++;
            if (t.negative()) {
                negatives++;
            }
            if (t.negative() && p.negative()) tp++; else if (!t.negative() && p.negative()) fp++;
            else if (!t.negative()) tn++; else fn++;
        }
        Map<Mood, double[]> perMood = new LinkedHashMap<>();
        for (Mood m : Mood.values()) {
            int mt = 0, mp = 0, both = confusion[m.ordinal()][m.ordinal()];
            for (int k = 0; k < 5; k++) {
                mt += confusion[m.ordinal()][k];
                mp += confusion[k][m.ordinal()];
            }
            double pr = mp == 0 ? 0 : both / (double) mp, rc = mt == 0 ? 0 : both / (double) mt;
            perMood.put(m, new double[] {pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc), mt});
        }
        double pNeg = tp + fp == 0 ? 0 : tp / (double) (tp + fp), rNeg = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double pPos = tn + fn == 0 ? 0 : tn / (double) (tn + fn), rPos = tn + fp == 0 ? 0 : tn / (double) (tn + fp);
        double fNeg = pNeg + rNeg == 0 ? 0 : 2 * pNeg * rNeg / (pNeg + rNeg);
        double fPos = pPos + rPos == 0 ? 0 : 2 * pPos * rPos / (pPos + rPos);
        boolean negativeMajority = negatives * 2 >= rows.size();
        return new Report(set, rows.size(), Math.max(negatives, rows.size() - negatives) / (double) rows.size(),
                negativeMajority ? "negative" : "not negative",
                new Binary((tp + tn) / (double) rows.size(), (fNeg + fPos) / 2, pNeg, rNeg), perMood, confusion);
    }

    static List<Mood> readAll(LexiconSentiment lexicon, List<Labelled> rows) {
        List<Mood> read = new ArrayList<>(rows.size());
        for (Labelled r : rows) {
            String s = ChineseText.normalised(r.text());
            read.add(Mood.of(TextPipeline.read(lexicon.read(ChineseText.words(s), s), null, List.of(), s)));
        }
        return read;
    }

    /**
     * The whole report: on each set the majority baseline, the lexicon alone (all of the set and
     * its test half), and the test half read as an installation would after its stream taught the
     * model, then after 200, 500 and 1,000 corrections (and the same corrections without the stream).
     */
    static String fullReport() throws IOException {
        LexiconSentiment lexicon = new LexiconSentiment();
        List<String> stream = stream();
        StringBuilder md = new StringBuilder();
        for (String set : List.of("weibo", "incidents")) {
            List<Labelled> rows = set.equals("weibo") ? weibo() : Files.exists(INCIDENTS) ? incidents() : List.of();
            if (rows.isEmpty()) {
                continue;
            }
            List<Labelled> test = rows.stream().filter(r -> !development(r.text())).toList();
            md.append("### ").append(set).append(" — lexicon and rules, whole set\n\n")
                    .append(report(set, rows, readAll(lexicon, rows)).markdown()).append('\n');
            md.append("### ").append(set).append(" — lexicon and rules, test half\n\n")
                    .append(report(set + ", test half", test, readAll(lexicon, test)).markdown()).append('\n');
            if (set.equals("incidents")) {
                md.append(weiboAnnotatorsOnIncidents("incidents", rows))
                        .append(weiboAnnotatorsOnIncidents("incidents, test half", test));
            }
            for (int n : new int[] {0, 200, 500, 1000}) {
                Report taught = learnt(lexicon, set, rows, stream, n);
                md.append("### ").append(taught.set()).append("\n\n").append(taught.markdown()).append('\n');
                if (n > 0) {
                    Report alone = learnt(lexicon, set, rows, List.of(), n);
                    md.append("### ").append(alone.set()).append("\n\n").append(alone.markdown()).append('\n');
                }
            }
        }
        return md.toString();
    }

    /**
     * The Weibo set's own annotators read as a reader of the incident set (its texts are Weibo
     * posts): how far the two labellings agree — what a reader that read every text exactly as the
     * Weibo annotators did would score on ours. They had no neutral label but "surprise".
     */
    static String weiboAnnotatorsOnIncidents(String name, List<Labelled> incidents) throws IOException {
        Map<String, Mood> theirs = new java.util.HashMap<>();
        for (Labelled post : weibo()) {
            theirs.put(post.text(), post.mood());
        }
        List<Mood> read = incidents.stream().map(r -> theirs.get(r.text())).toList();
        String set = name + ", read by the Weibo set's own labels";
        return "### " + set + "\n\n" + report(set, incidents, read).markdown() + '\n';
    }

    /** For development: the figures, and the misses of the development half to read by eye. */
    public static void main(String[] args) throws IOException {
        LexiconSentiment lexicon = new LexiconSentiment();
        List<String> stream = stream();
        for (String set : List.of("weibo", "incidents")) {
            List<Labelled> rows = set.equals("weibo") ? weibo() : Files.exists(INCIDENTS) ? incidents() : List.of();
            if (rows.isEmpty()) {
                continue;
            }
            List<Mood> read = readAll(lexicon, rows);
            System.out.println(report(set, rows, read).markdown());
            if (args.length > 0 && args[0].equals("learn")) {
                System.out.println(report(set + ", test half, lexicon", rows.stream().filter(r -> !development(r.text())).toList(),
                        readAll(lexicon, rows.stream().filter(r -> !development(r.text())).toList())).markdown());
                for (int n : new int[] {0, 200, 500, 1000}) {
                    System.out.println(learnt(lexicon, set, rows, stream, n).markdown());
                    if (n > 0) {
                        System.out.println(learnt(lexicon, set, rows, List.of(), n).markdown());
                    }
                }
            }
            if (args.length > 0 && args[0].equals(set)) {
                int shown = 0;
                List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, rows.size()).boxed().toList());
                java.util.Collections.shuffle(order, new java.util.Random(args.length > 2 ? Long.parseLong(args[2]) : 1));
                for (int i : order) {
                    if (shown >= Integer.parseInt(args[1])) {
                        break;
                    }
                    Labelled r = rows.get(i);
                    if (development(r.text()) && r.mood().negative() != read.get(i).negative()) {
                        String s = ChineseText.normalised(r.text());
                        SentimentReading reading = lexicon.read(ChineseText.words(s), s);
                        System.out.println(r.mood() + " read " + read.get(i) + " " + reading.score() + " " + reading.reasons()
                                + " | " + r.text().substring(0, Math.min(120, r.text().length())));
                        shown++;
                    }
                }
            }
        }
    }

    /**
     * The learning the installation does: the model learns from the lexicon's sure readings of the
     * stream (here: the development half, its labels unused) and from {@code corrections} analysts'
     * corrections (simulated from the development half's labels), and reads the test half as the
     * pipeline does ({@link TextPipeline#read}).
     */
    static Report learnt(LexiconSentiment lexicon, String set, List<Labelled> rows, List<String> stream, int corrections) {
        StreamExamples examples = new StreamExamples(java.time.Clock.systemUTC());
        for (String text : stream) {
            String s = ChineseText.normalised(text);
            examples.offer(lexicon.read(ChineseText.words(s), s), ChineseText.words(s), s);
        }
        List<NaiveBayes.Example<Sentiment>> training = new ArrayList<>(AnalysisEngine.seeds());
        List<Labelled> test = new ArrayList<>();
        int corrected = 0;
        // corrections come in no order of label: the Weibo set is sorted by its label
        List<Labelled> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        for (Labelled r : shuffled) {
            String s = ChineseText.normalised(r.text());
            List<String> words = ChineseText.words(s);
            if (!development(r.text())) {
                test.add(r);
                continue;
            }
            if (corrected < corrections) {
                Sentiment label = r.mood().negative() ? Sentiment.NEGATIVE
                        : r.mood() == Mood.POSITIVE ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                for (int i = 0; i < AnalysisEngine.CORRECTION_WEIGHT; i++) {
                    training.add(new NaiveBayes.Example<>(label, words, s));
                }
                corrected++;
            }
        }
        training.addAll(examples.polarity());
        LearntSentiment model = LearntSentiment.of(training, examples.moods());
        if (Boolean.getBoolean("development")) {
            List<Labelled> development = rows.stream().filter(r -> development(r.text())).toList();
            List<Mood> devRead = new ArrayList<>();
            for (Labelled r : development) {
                String s = ChineseText.normalised(r.text());
                List<String> words = ChineseText.words(s);
                devRead.add(Mood.of(TextPipeline.read(lexicon.read(words, s), model, words, s)));
            }
            System.out.println(report(set + " DEVELOPMENT half", development, devRead).markdown());
        }
        List<Mood> read = new ArrayList<>();
        for (Labelled r : test) {
            String s = ChineseText.normalised(r.text());
            List<String> words = ChineseText.words(s);
            Mood m = Mood.of(TextPipeline.read(lexicon.read(words, s), model, words, s));
            read.add(m);
        }
        return report(String.format("%s, test half, %s%s (%d stream examples)", set, stream.isEmpty() ? "no stream" : "stream-taught",
                corrections > 0 ? " + " + corrected + " corrections" : "", examples.polarity().size()), test, read);
    }

    /**
     * The stream an installation would read: the development halves of both sets, their labels
     * unused (no text of a test half is in it), shuffled.
     */
    static List<String> stream() throws IOException {
        List<String> stream = new ArrayList<>();
        weibo().stream().map(Labelled::text).filter(SentimentEvaluation::development).forEach(stream::add);
        if (Files.exists(INCIDENTS)) {
            incidents().stream().map(Labelled::text).filter(SentimentEvaluation::development).forEach(stream::add);
        }
        // in the order a stream comes, not the Weibo file's, which is sorted by label: the stream
        // keeps the newest examples, and the newest must not be the texts of one label
        java.util.Collections.shuffle(stream, new java.util.Random(7));
        return stream;
    }

    /** Half of each set, by a hash of the text, is for reading misses; the other half only measures. */
    static boolean development(String text) {
        return (text.hashCode() & 1) == 0;
    }
}

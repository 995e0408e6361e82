package cn.yuqing.analysis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.organisation.DirectoryChanged;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.Unit;

/**
 * Holds the current text pipeline and builds a new one when what it rests on changes: the
 * directory (gazetteer), the schemes, the analysts' corrections (model). Readers always see a
 * whole pipeline, never one half rebuilt.
 */
@Component
class AnalysisEngine {

    /** How often an analyst's correction counts among the stream's examples (chosen on the development halves: 5 over 3). */
    static final int CORRECTION_WEIGHT = 5;
    /** How many analysed items a starting node reads at most to recall its stream's examples (some seconds of one core). */
    static final int RECALLED_ITEMS = 2 * StreamExamples.CAPACITY;
    private static final int RECALL_PAGE = 500;
    private static final java.util.Comparator<OpinionItem> NEWEST_FIRST =
            java.util.Comparator.comparing(OpinionItem::id).reversed();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnalysisEngine.class);

    private final OrganisationDirectory directory;
    private final SchemeRepository schemes;
    private final CorrectionRepository corrections;
    private final TopicCorrectionRepository topicCorrections;
    private final LexiconSentiment lexicon = new LexiconSentiment();
    private final CueWords criteria = new CueWords(TextPipeline.criteriaLexicon());
    private final CueWords categories = new CueWords(TextPipeline.categoryLexicon());
    private final AtomicReference<TextPipeline> current = new AtomicReference<>();
    private final ItemAnalysisRepository analyses;
    private final Items items;
    private final StreamExamples stream;
    /** One retraining from the stream at a time, off the readers' threads. */
    private final ExecutorService learning = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sentiment-learning");
        t.setDaemon(true);
        return t;
    });
    private volatile UnitIndex units;
    /** Units looked for in a freshly built index and not found: not looked for again. */
    private final java.util.Set<Long> unknownUnits = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int correctionsLearnt;
    private final Object modelLock = new Object();

    AnalysisEngine(OrganisationDirectory directory, SchemeRepository schemes, CorrectionRepository corrections,
            TopicCorrectionRepository topicCorrections, ItemAnalysisRepository analyses, Items items, Clock clock) {
        this.stream = new StreamExamples(clock);
        this.analyses = analyses;
        this.items = items;
        this.topicCorrections = topicCorrections;
        this.directory = directory;
        this.schemes = schemes;
        this.corrections = corrections;
    }

    TextPipeline pipeline() {
        TextPipeline p = current.get();
        if (p == null) {
            synchronized (this) {
                p = current.get();
                if (p == null) {
                    p = new TextPipeline(gazetteer(), new SchemeMatcher(schemes.findActive()), lexicon, learnt(), topics(),
                            criteria, categories);
                    current.set(p);
                }
            }
        }
        return p;
    }

    /**
     * Reads one item, and lets the stream teach the model where the lexicon is sure of it
     * ({@link StreamExamples}); the retraining runs on a thread of its own.
     */
    Features read(String title, String body, Long channelId, Long unitId) {
        Features f = pipeline().analyse(title, body, channelId, unitId);
        if (stream.offer(f.baseline(), f.words(), f.simplified()) && !learning.isShutdown()) {
            try {
                learning.execute(() -> refresh(Part.MODEL));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the node is stopping: the item was read all the same, the model is not needed any more
            }
        }
        return f;
    }

    /**
     * A node that starts has learnt nothing from its stream: without this, after every restart or
     * update the lexicon would read alone again until a county's talk had taught the model anew,
     * which takes days. So it reads again the newest items it finds analysed (the lexicon only,
     * on the learning thread, while it already places what comes).
     */
    @EventListener(ApplicationReadyEvent.class)
    void recallTheStream() {
        try {
            learning.execute(() -> {
                try {
                    recall();
                } catch (RuntimeException failed) {
                    if (!learning.isShutdown()) {
                        log.warn("未能找回情感学习样本：模型从此后读到的信息学起", failed);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the node stops before it started: nothing to learn for
        }
    }

    /**
     * Reads the newest analysed items, at most {@link #RECALLED_ITEMS}, until the stream's examples
     * are full, and retrains. An item read meanwhile is offered by both ways and counts twice
     * among thousands of examples, which changes nothing a reader could see. Returns the items read.
     */
    int recall() {
        long started = System.nanoTime();
        long below = Long.MAX_VALUE;
        int read = 0;
        boolean room = true;
        while (room && read < RECALLED_ITEMS && !Thread.currentThread().isInterrupted()) {
            List<Long> ids = analyses.findIdsBelow(below, PageRequest.of(0, RECALL_PAGE));
            if (ids.isEmpty()) {
                break;
            }
            for (OpinionItem item : items.byIds(ids).stream().sorted(NEWEST_FIRST).toList()) {
                String text = TextPipeline.simplified(item.title(), item.body());
                List<String> words = TextPipeline.words(ChineseText.terms(text));
                room = stream.recall(lexicon.read(words, text), words, text);
                read++;
                if (!room) {
                    break;
                }
            }
            below = ids.get(ids.size() - 1);
        }
        refresh(Part.MODEL);
        log.info("已从最近分析的 {} 条信息中找回情感学习样本：负面 {} 条、正面 {} 条，用时 {} 毫秒", read, stream.negatives(),
                stream.positives(), (System.nanoTime() - started) / 1_000_000);
        return read;
    }

    @PreDestroy
    void stopLearning() {
        learning.shutdownNow();
    }

    /**
     * What the pipeline rests on. A change on this node rebuilds its part at once; on the
     * distributed tier the other nodes hear of it through Kafka ({@link DistributedAnalysis}).
     */
    enum Part {
        GAZETTEER, SCHEMES, TOPICS, MODEL
    }

    /** Rebuilds one part; a node that has not built its pipeline yet will read everything fresh anyway. */
    void refresh(Part part) {
        if (part == Part.GAZETTEER) {
            units = null;
        }
        if (current.get() == null) {
            return;
        }
        switch (part) {
            case GAZETTEER -> {
                Gazetteer gazetteer = gazetteer();
                current.updateAndGet(p -> p.withGazetteer(gazetteer));
            }
            case SCHEMES -> {
                SchemeMatcher matcher = new SchemeMatcher(schemes.findActive());
                TopicModel topics = topics();
                current.updateAndGet(p -> p.withSchemes(matcher).withTopics(topics));
            }
            case TOPICS -> {
                TopicModel topics = topics();
                current.updateAndGet(p -> p.withTopics(topics));
            }
            case MODEL -> {
                // built and installed under one lock: a slower build from the stream must not
                // replace a newer one that already learnt a correction
                synchronized (modelLock) {
                    LearntSentiment learnt = learnt();
                    current.updateAndGet(p -> p.withLearnt(learnt));
                }
            }
        }
    }

    /**
     * The partition of a unit's items. A unit made a moment ago on another node may not have reached
     * this node's index yet (the change travels through Kafka): the index is built again from the
     * directory then, once for each unit it does not know, so that a new county's first items are not
     * placed in a partition apart from its later ones.
     */
    String partitionOf(long unitId) {
        UnitIndex u = units();
        if (!u.knows(unitId) && unknownUnits.add(unitId)) {
            refresh(Part.GAZETTEER);
            u = units();
        }
        return u.partitionOf(unitId);
    }

    /**
     * Loads what the first reading would (the directory, the schemes, the dictionaries of the
     * segmenter): a node's placement workers start warm, instead of holding a partition's lease for
     * the seconds a cold first batch takes.
     */
    void prepare() {
        pipeline();
        ChineseText.terms(ChineseText.normalised("县政府办公室"));
    }

    /** The directory as placement asks of it, built at first use and again when units or regions change. */
    UnitIndex units() {
        UnitIndex u = units;
        if (u == null) {
            u = new UnitIndex(directory.allRegions(), directory.allUnits());
            units = u;
        }
        return u;
    }

    /** The part a committed change makes stale, if any: people and accounts are not in the gazetteer. */
    static Optional<Part> staleAfter(Object change) {
        if (change instanceof DirectoryChanged c) {
            return c.subject().startsWith("unit/") || c.subject().startsWith("region/")
                    ? Optional.of(Part.GAZETTEER) : Optional.empty();
        }
        if (change instanceof Schemes.SchemeChanged) {
            return Optional.of(Part.SCHEMES);
        }
        if (change instanceof TopicCorrections.TopicsCorrected) {
            return Optional.of(Part.TOPICS);
        }
        if (change instanceof SentimentCorrections.Corrected) {
            return Optional.of(Part.MODEL);
        }
        return Optional.empty();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DirectoryChanged change) {
        staleAfter(change).ifPresent(this::refresh);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Schemes.SchemeChanged changed) {
        refresh(Part.SCHEMES);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TopicCorrections.TopicsCorrected corrected) {
        refresh(Part.TOPICS);
    }

    /** A correction retrains the model at once (some 20,000 examples: well under a second). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SentimentCorrections.Corrected corrected) {
        refresh(Part.MODEL);
    }

    /** One model per active scheme, from every topic correction. */
    TopicModel topics() {
        List<TopicModel.Correction> examples = new ArrayList<>();
        for (TopicCorrection c : topicCorrections.findAll()) {
            String text = ChineseText.normalised(c.text());
            examples.add(new TopicModel.Correction(c.schemes(), ChineseText.words(text), text));
        }
        return new TopicModel(schemes.findActive().stream().map(MonitoringScheme::id)
                .collect(java.util.stream.Collectors.toSet()), examples);
    }

    /**
     * The seed examples written for the project, what the stream taught ({@link StreamExamples}),
     * and every analyst's correction, each counted {@link #CORRECTION_WEIGHT} times: a person's
     * judgement outweighs the lexicon's guess on the same words.
     */
    LearntSentiment learnt() {
        List<NaiveBayes.Example<Sentiment>> examples = new ArrayList<>(seeds());
        examples.addAll(stream.polarity());
        List<SentimentCorrection> all = corrections.findAll();
        for (SentimentCorrection c : all) {
            String text = ChineseText.normalised(c.text());
            NaiveBayes.Example<Sentiment> e = new NaiveBayes.Example<>(c.label(), ChineseText.words(text), text);
            for (int i = 0; i < CORRECTION_WEIGHT; i++) {
                examples.add(e);
            }
        }
        correctionsLearnt = all.size();
        return LearntSentiment.of(examples, stream.moods());
    }

    /** The seed examples written for the project ({@code analysis/seed-sentiment.txt}). */
    static List<NaiveBayes.Example<Sentiment>> seeds() {
        List<NaiveBayes.Example<Sentiment>> seeds = new ArrayList<>();
        for (String line : Lexicons.lines("analysis/seed-sentiment.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                String text = ChineseText.normalised(parts[1]);
                seeds.add(new NaiveBayes.Example<>(Sentiment.valueOf(parts[0]), ChineseText.words(text), text));
            }
        }
        return seeds;
    }

    /** How many analysts' corrections the newest model learnt from. */
    int correctionsLearnt() {
        return correctionsLearnt;
    }

    Gazetteer gazetteer() {
        Map<String, List<Gazetteer.Target>> names = new HashMap<>();
        for (Region r : directory.allRegions()) {
            Gazetteer.Target target = new Gazetteer.Target(Gazetteer.Kind.PLACE, r.code(), r.name());
            for (String form : Gazetteer.placeForms(r.name())) {
                names.computeIfAbsent(form, k -> new ArrayList<>()).add(target);
            }
        }
        for (Unit u : directory.allUnits()) {
            Gazetteer.Target target = new Gazetteer.Target(Gazetteer.Kind.UNIT, String.valueOf(u.id()), u.name());
            names.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(target);
            for (String shortName : u.shortNames()) {
                names.computeIfAbsent(shortName, k -> new ArrayList<>()).add(target);
            }
        }
        ChineseText.teach(names.keySet());
        return new Gazetteer(names);
    }

    LexiconSentiment lexicon() {
        return lexicon;
    }

    CueWords criteria() {
        return criteria;
    }

    CueWords categories() {
        return categories;
    }
}

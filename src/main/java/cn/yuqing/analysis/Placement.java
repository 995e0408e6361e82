package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.yuqing.intake.OpinionItem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Places a partition's items into candidates, a batch in one transaction under the partition's
 * row, each item seeing every item placed before it. Clustering: a reply or repost joins its
 * parent's candidate, whatever its words (a comment such as "有没有人知道被困的人救上来没有？"
 * shares none with its post); otherwise a near-duplicate (MinHash,
 * estimated Jaccard ≥ 0.5, seen in the last 7 days) joins its original's candidate; otherwise an
 * item sharing a monitoring scheme and a place with a candidate active in the last 72 hours joins
 * it; otherwise it starts a candidate of its own.
 *
 * <p>The cost of an item does not grow with its candidate: near-duplicates are looked for among at
 * most {@value #BAND_CAPACITY} items per band ({@link BandIndex}) (a viral post's reposts fill its bands at once; the
 * rest add nothing a lookup needs), the topic and place of a candidate is one row, and the
 * candidate's figures are added to, never recomputed from its members.
 *
 * <p>The bands are looked up in the node's memory of the partition, never in the database: the
 * memory is read once (one row per item that was stored in a band), then each batch adds to it,
 * and what another node placed meanwhile is read in by the order of placement. Per-band rows
 * looked up and written by every batch were most of placement's time.
 */
@Component
class Placement {

    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);
    static final Duration TOPIC_WINDOW = Duration.ofHours(72);
    /** Items kept per MinHash band within the window; measured against brute force in NearDuplicateQualityTests. */
    static final int BAND_CAPACITY = 4;
    /**
     * Members a node keeps of one partition (about 1.4 KB each): the newest of the window, when a
     * partition has more (a county with 50,000 distinct posts in a week), near-duplicates of its
     * oldest are not found.
     */
    static final int MEMBERS_REMEMBERED = 50_000;
    /** Members a node keeps over all partitions: at most some 200 MB. */
    static final int NODE_MEMBERS = 150_000;
    static final int PARTITIONS_REMEMBERED = 8;
    /**
     * Band members stored for as long as an item that arrives late (collected from a channel's
     * history) may still be a near-duplicate of them; older ones are deleted when a memory is read
     * afresh, so that the table does not grow with the installation's age.
     */
    static final Duration MEMBERS_KEPT = Duration.ofDays(30);
    /** A memory is read again after a day, letting go of the members that have left the window. */
    static final Duration MEMORY_RENEWED = Duration.ofDays(1);

    /**
     * An item, what reading it found, and what placing it needs of that: made by the readers, off
     * the placing thread, which has only to decide and write.
     */
    record Read(OpinionItem item, Features features, ItemAnalysis analysis, long[] bands, List<Long> schemes,
            List<String> places) {

        /** The item as read at {@code readAt}, its band keys salted with the partition it waits in. */
        static Read of(OpinionItem item, Features features, String partition, Instant readAt) {
            ItemAnalysis analysis = new ItemAnalysis(item, features, readAt);
            return new Read(item, features, analysis, MinHash.bandKeys(features.signature(), partition),
                    analysis.schemeIdSet().stream().sorted().toList(),
                    analysis.placePairs().values().stream().distinct().sorted().toList());
        }
    }

    private final JdbcTemplate jdbc;
    private final CandidateRepository candidates;
    private final Candidates candidateService;
    private final Clock clock;
    private final Timer lag;
    /** The partitions placed most recently on this node, at most {@value #PARTITIONS_REMEMBERED}. */
    private final Map<String, Memory> memories = java.util.Collections.synchronizedMap(
            new LinkedHashMap<String, Memory>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Memory> eldest) {
                    return size() > PARTITIONS_REMEMBERED;
                }
            });

    Placement(JdbcTemplate jdbc, CandidateRepository candidates, Candidates candidateService, Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.candidateService = candidateService;
        this.clock = clock;
        this.lag = Timer.builder("yuqing.analysis.lag").description("从收到一条信息到分析完成的时间")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** Places what is still queued of {@code reads}; an item another worker placed meanwhile is left alone. */
    @Transactional
    public int place(String partition, List<Read> reads) {
        if (reads.isEmpty()) {
            return 0;
        }
        Candidates.Turn turn = candidateService.lockPartition(partition);
        Instant now = clock.instant();
        Instant earliest = reads.stream().map(r -> r.item().discoveredAt()).min(Instant::compareTo).orElse(now);
        Memory memory = recall(partition, turn, earliest.isBefore(now) ? earliest : now, now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(partition, memory);
            }
        });
        List<Long> ids = reads.stream().map(r -> r.item().id()).toList();
        // the queue row goes with the analysis, in this transaction: an item whose row is gone was placed by another worker
        int[] dequeued = jdbc.batchUpdate("delete from analysis_queue where item_id = ?", ids.stream().map(id -> new Object[] {id})
                .toList());
        // a row left for an item already analysed (two nodes queuing the same old item at start) goes without a second analysis:
        // placing it again would fail the batch on its key, again and again, and hold up the partition
        Set<Long> analysed = new HashSet<>(jdbc.queryForList("select item_id from item_analysis where item_id in ("
                + marks(ids.size()) + ")", Long.class, ids.toArray()));
        Batch batch = new Batch(partition, memory);
        for (int i = 0; i < reads.size(); i++) {
            if (dequeued[i] == 0 || analysed.contains(ids.get(i))) {
                continue;
            }
            Read r = reads.get(i);
            EventCandidate candidate = candidateFor(r, batch);
            r.analysis().placeIn(candidate.id(), false);
            batch.placed(r, candidate);
        }
        batch.write(now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (ItemAnalysis a : batch.analyses) {
                    // another node's clock (or a demonstration clock put back by a restart) may be a little ahead of ours
                    Duration waited = Duration.between(a.discoveredAt(), now);
                    lag.record(waited.isNegative() ? Duration.ZERO : waited);
                }
            }
        });
        return batch.analyses.size();
    }

    private EventCandidate candidateFor(Read r, Batch batch) {
        Long parentCandidate = batch.candidateOfParent(r.item().parentId());
        if (parentCandidate != null) {
            return batch.open(parentCandidate);
        }
        Long duplicateOf = batch.nearestDuplicate(r.features().signature(), r.bands(), r.item().discoveredAt());
        if (duplicateOf != null) {
            return batch.open(duplicateOf);
        }
        Long byTopic = batch.sameTopicAndPlace(r);
        if (byTopic != null) {
            return batch.open(byTopic);
        }
        EventCandidate fresh = new EventCandidate(r.item().headline(), r.item().unitId(), r.item().discoveredAt());
        fresh.placeInPartition(batch.partition);
        fresh.schemes(r.schemes().stream().map(String::valueOf).collect(Collectors.joining(",")));
        fresh = candidates.save(fresh);
        batch.opened.put(fresh.id(), fresh);
        return fresh;
    }

    /**
     * What a node knows of a partition: every band member of the window (read once, then added to
     * by each batch and by what other nodes placed), and the topics it looked up or wrote.
     */
    private static final class Memory {
        long version;
        long regrouped;
        /** The last band member this memory holds, in the partition's order of placement. */
        long lastSeq;
        /** Members discovered before this were not read. */
        Instant from;
        Instant readAt;
        final BandIndex bands = new BandIndex(BAND_CAPACITY);
        final Map<String, Topic> topics = new HashMap<>();

        /** A day old (its members past the window let go), read on a clock since put back, or past its size. */
        boolean outlived(Instant now) {
            return readAt.plus(MEMORY_RENEWED).isBefore(now) || readAt.isAfter(now) || bands.size() > MEMBERS_REMEMBERED * 3 / 2;
        }
    }

    /**
     * This node's memory of the partition, brought up to date: as it was if the only turn since
     * was its own last batch; with the members other nodes placed meanwhile added; or read afresh
     * — the first time, after an analyst regrouped items, once a day (or when the demonstration
     * clock was put back), or when items older than its window arrive. Reading afresh deletes the
     * members older than {@link #MEMBERS_KEPT}.
     */
    private Memory recall(String partition, Candidates.Turn turn, Instant earliest, Instant now) {
        Memory memory = memories.remove(partition);
        Instant from = earliest.minus(DUPLICATE_WINDOW);
        if (memory == null || memory.regrouped != turn.regrouped() || from.isBefore(memory.from) || memory.outlived(now)) {
            memory = new Memory();
            memory.from = from;
            memory.readAt = now;
            // members no item can be a near-duplicate of any more, not even this batch's oldest (one waiting for weeks)
            Instant kept = now.minus(MEMBERS_KEPT);
            jdbc.update("delete from band_member where partition_key = ? and discovered_at < ?", partition,
                    Timestamp.from(from.isBefore(kept) ? from : kept));
            List<Stored> newest = new ArrayList<>(members(partition,
                    "m.discovered_at >= ? order by m.seq desc limit " + MEMBERS_REMEMBERED, Timestamp.from(from)));
            java.util.Collections.reverse(newest);
            readInto(memory, partition, newest);
        } else if (memory.version != turn.version() - 1) {
            // what other nodes placed since: their topics may have moved on too
            readInto(memory, partition, members(partition, "m.seq > ? order by m.seq", memory.lastSeq));
            memory.topics.clear();
        }
        memory.version = turn.version();
        memory.regrouped = turn.regrouped();
        return memory;
    }

    /** A band member as stored, with its place in the partition's order of placement. */
    private record Stored(long seq, BandIndex.Member member) {
    }

    private List<Stored> members(String partition, String where, Object value) {
        return jdbc.query("""
                select m.seq, m.item_id, a.candidate_id, a.signature, m.discovered_at from band_member m
                join item_analysis a on a.item_id = m.item_id where m.partition_key = ? and\s""" + where,
                (row, n) -> new Stored(row.getLong(1), new BandIndex.Member(row.getLong(2), row.getLong(3),
                        MinHash.fromBytes(Base64.getDecoder().decode(row.getString(4))), row.getTimestamp(5).toInstant())),
                partition, value);
    }

    /** Each member is added as its batch added it: against the items of its own window, not of the memory's. */
    private static void readInto(Memory memory, String partition, List<Stored> stored) {
        for (Stored s : stored) {
            Instant since = s.member().discoveredAt().minus(DUPLICATE_WINDOW);
            memory.bands.add(s.member(), MinHash.bandKeys(s.member().signature(), partition),
                    since.isAfter(memory.from) ? since : memory.from);
            memory.lastSeq = Math.max(memory.lastSeq, s.seq());
        }
    }

    /** Kept for the partition's next batch; the partitions used longest ago are let go past the node's bound. */
    private void remember(String partition, Memory memory) {
        synchronized (memories) {
            memories.put(partition, memory);
            int held = memories.values().stream().mapToInt(m -> m.bands.size()).sum();
            var eldest = memories.entrySet().iterator();
            while (held > NODE_MEMBERS && memories.size() > 1 && eldest.hasNext()) {
                Memory m = eldest.next().getValue();
                if (m != memory) {
                    held -= m.bands.size();
                    eldest.remove();
                }
            }
        }
    }

    private record Topic(Long candidateId, Instant lastSeen) {
    }

    /** What this batch placed so far, seen by the items after it before anything is written. */
    private final class Batch {

        final String partition;
        final List<ItemAnalysis> analyses = new ArrayList<>();
        final Map<Long, EventCandidate> opened = new HashMap<>();
        private final Memory memory;
        private final BandIndex bands;
        private final List<Object[]> banded = new ArrayList<>();
        private final Map<String, Topic> topics;
        private final Set<String> topicsChanged = new HashSet<>();
        private final Map<Long, List<ItemAnalysis>> byCandidate = new LinkedHashMap<>();
        private final Set<Long> urgent = new HashSet<>();

        Batch(String partition, Memory memory) {
            this.partition = partition;
            this.memory = memory;
            this.bands = memory.bands;
            this.topics = memory.topics;
        }

        /** The open candidate, following merges; loaded once per batch. */
        EventCandidate open(Long candidateId) {
            EventCandidate c = opened.get(candidateId);
            if (c == null) {
                EventCandidate found = candidateService.open(candidateId);
                c = opened.computeIfAbsent(found.id(), id -> found);
                opened.put(candidateId, c);
            }
            return c;
        }

        Long nearestDuplicate(int[] signature, long[] keys, Instant discoveredAt) {
            BandIndex.Member best = bands.nearest(signature, keys, discoveredAt.minus(DUPLICATE_WINDOW));
            return best == null ? null : best.candidateId();
        }

        /** The candidate of the item's parent if the parent is placed, in this partition (a reply placed before its parent clusters as any item). */
        Long candidateOfParent(Long parentId) {
            if (parentId == null) {
                return null;
            }
            for (ItemAnalysis a : analyses) {
                if (a.itemId().equals(parentId)) {
                    return a.candidateId();
                }
            }
            List<Long> found = jdbc.queryForList("""
                    select a.candidate_id from item_analysis a join event_candidate c on c.id = a.candidate_id
                    where a.item_id = ? and c.partition_key = ?""", Long.class, parentId, partition);
            return found.isEmpty() ? null : found.get(0);
        }

        Long sameTopicAndPlace(Read r) {
            Instant since = r.item().discoveredAt().minus(TOPIC_WINDOW);
            for (Long scheme : r.schemes()) {
                for (String place : r.places()) {
                    Topic t = topic(scheme, place);
                    if (t != null && !t.lastSeen().isBefore(since)) {
                        EventCandidate c = open(t.candidateId());
                        if (c.status() == EventCandidate.Status.OPEN) {
                            return c.id();
                        }
                    }
                }
            }
            return null;
        }

        private Topic topic(Long scheme, String place) {
            String key = scheme + "|" + place;
            if (!topics.containsKey(key)) {
                List<Topic> found = jdbc.query("select candidate_id, last_seen from topic_place"
                        + " where partition_key = ? and scheme_id = ? and place_code = ?",
                        (rs, n) -> new Topic(rs.getLong(1), rs.getTimestamp(2).toInstant()), partition, scheme, place);
                topics.put(key, found.isEmpty() ? null : found.get(0));
            }
            return topics.get(key);
        }

        void placed(Read r, EventCandidate candidate) {
            ItemAnalysis analysis = r.analysis();
            analyses.add(analysis);
            if (r.item().urgent()) {
                urgent.add(analysis.itemId());
            }
            byCandidate.computeIfAbsent(candidate.id(), k -> new ArrayList<>()).add(analysis);
            BandIndex.Member me = new BandIndex.Member(analysis.itemId(), candidate.id(), r.features().signature(),
                    analysis.discoveredAt());
            if (bands.add(me, r.bands(), analysis.discoveredAt().minus(DUPLICATE_WINDOW))) {
                banded.add(new Object[] {partition, analysis.itemId(), Timestamp.from(analysis.discoveredAt())});
            }
            for (Long scheme : r.schemes()) {
                for (String place : r.places()) {
                    Topic before = topic(scheme, place);
                    Topic after = new Topic(candidate.id(), before == null || analysis.discoveredAt().isAfter(before.lastSeen())
                            ? analysis.discoveredAt() : before.lastSeen());
                    if (!after.equals(before)) {
                        topics.put(scheme + "|" + place, after);
                        topicsChanged.add(scheme + "|" + place);
                    }
                }
            }
        }

        /** Bands, topics, minutes, hours and the touched candidates' figures: a few statements for the whole batch. */
        void write(Instant now) {
            jdbc.batchUpdate(ItemAnalysis.INSERT, analyses, analyses.size(), (ps, a) -> a.bind(ps));
            if (!banded.isEmpty()) {
                KeyHolder seqs = new GeneratedKeyHolder();
                jdbc.batchUpdate(c -> c.prepareStatement("insert into band_member (partition_key, item_id, discovered_at) values (?, ?, ?)",
                        new String[] {"seq"}), new ArgumentBatch(banded), seqs);
                memory.lastSeq = seqs.getKeyList().size() == banded.size()
                        ? seqs.getKeyList().stream().mapToLong(k -> ((Number) k.values().iterator().next()).longValue()).max()
                                .orElseThrow()
                        // a driver that does not tell a batch's keys: the partition's last, under its lock, is ours
                        : jdbc.queryForObject("select max(seq) from band_member where partition_key = ?", Long.class, partition);
            }
            List<Object[]> topicUpdates = new ArrayList<>();
            for (String key : topicsChanged) {
                String[] parts = key.split("\\|", 2);
                Topic t = topics.get(key);
                topicUpdates.add(new Object[] {t.candidateId(), Timestamp.from(t.lastSeen()), partition,
                        Long.valueOf(parts[0]), parts[1]});
            }
            upsert("update topic_place set candidate_id = ?, last_seen = ? where partition_key = ? and scheme_id = ? and place_code = ?",
                    "insert into topic_place (candidate_id, last_seen, partition_key, scheme_id, place_code) values (?, ?, ?, ?, ?)",
                    topicUpdates);

            Map<List<Object>, int[]> minutes = new LinkedHashMap<>();
            Map<List<Object>, int[]> hours = new LinkedHashMap<>();
            for (ItemAnalysis a : analyses) {
                int[] m = minutes.computeIfAbsent(List.of(a.candidateId(), CandidateTallies.minuteOf(a.discoveredAt())),
                        k -> new int[2]);
                m[0]++;
                m[1] += a.sentiment() == Sentiment.NEGATIVE ? 1 : 0;
                for (Long scheme : a.schemeIdSet()) {
                    hours.computeIfAbsent(List.of(scheme, CandidateTallies.hourOf(a.discoveredAt())), k -> new int[1])[0]++;
                }
            }
            upsert("update candidate_minute set items = items + ?, negative = negative + ? where candidate_id = ? and minute_start = ?",
                    "insert into candidate_minute (items, negative, candidate_id, minute_start) values (?, ?, ?, ?)",
                    minutes.entrySet().stream().map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getKey().get(0),
                            Timestamp.from((Instant) e.getKey().get(1))}).toList());
            upsert("update scheme_hour set items = items + ? where partition_key = ? and scheme_id = ? and hour_start = ?",
                    "insert into scheme_hour (items, partition_key, scheme_id, hour_start) values (?, ?, ?, ?)",
                    hours.entrySet().stream().map(e -> new Object[] {e.getValue()[0], partition, e.getKey().get(0),
                            Timestamp.from((Instant) e.getKey().get(1))}).toList());

            Map<EventCandidate, CandidateTallies> touched = new LinkedHashMap<>();
            byCandidate.forEach((candidateId, placed) -> {
                EventCandidate c = opened.get(candidateId);
                if (c.talliesJson() == null && c.itemCount() > 0) {
                    // a candidate from before tallies were kept: counted once from its members, then kept
                    candidateService.refresh(c.id());
                    return;
                }
                CandidateTallies tallies = CandidateTallies.of(c.talliesJson());
                for (ItemAnalysis a : placed) {
                    tallies.add(a, urgent.contains(a.itemId()));
                }
                touched.put(c, tallies);
            });
            candidateService.refresh(touched);
        }

        /**
         * Adds to rows that exist and inserts the rest: every row written here belongs to this
         * partition, whose lock the transaction holds, so no other writer can insert the same key.
         */
        private void upsert(String update, String insert, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            int[] updated = jdbc.batchUpdate(update, rows);
            List<Object[]> missing = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            jdbc.batchUpdate(insert, missing);
        }
    }

    /** Rows of arguments as a batch whose generated keys are wanted. */
    private record ArgumentBatch(List<Object[]> rows) implements BatchPreparedStatementSetter {
        @Override
        public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
            Object[] row = rows.get(i);
            for (int c = 0; c < row.length; c++) {
                ps.setObject(c + 1, row[c]);
            }
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }
    }

    /** Placeholders of an {@code in (…)} list of n values. */
    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}

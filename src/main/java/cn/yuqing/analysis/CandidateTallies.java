package cn.yuqing.analysis;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.responsibility.MatterCues;

/**
 * What a candidate's suggestion rests on, added up as its items arrive so that the thousandth
 * item of a viral matter costs what the first did: counts, engagement, first and last item, and
 * the places, categories, criteria, schemes, channels and units its items named. Every set here is
 * bounded by a dictionary (the directory, the lexicons, the schemes), not by the number of items.
 * Stored on the candidate as JSON; rebuilt from the members when an analyst moves items.
 */
final class CandidateTallies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public int items;
    public int negative;
    public int signals;
    public int urgent;
    public long engagement;
    public Instant first;
    public Instant last;
    public Map<String, Integer> places = new TreeMap<>();
    /** A place's name and every region it may be: two townships each have a 杨集村. */
    public Map<String, Set<String>> placeCodes = new TreeMap<>();
    public Map<String, Integer> categories = new TreeMap<>();
    public Map<String, Set<String>> categoryWords = new TreeMap<>();
    /** Per category, per cue word, how many items carry it: clause 3's main matter is read from these. */
    public Map<String, Map<String, Integer>> categoryWordItems = new TreeMap<>();
    /** Per unit named (its id), how many items name it. */
    public Map<Long, Integer> namedUnitItems = new TreeMap<>();
    public Map<String, Set<String>> criteria = new TreeMap<>();
    public Set<Long> schemes = new TreeSet<>();
    public Set<Long> channels = new TreeSet<>();
    public Set<String> named = new TreeSet<>();

    static CandidateTallies of(String json) {
        return json == null || json.isBlank() ? new CandidateTallies() : JSON.readValue(json, CandidateTallies.class);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    void add(ItemAnalysis a, boolean urgentItem) {
        items++;
        if (a.sentiment() == Sentiment.NEGATIVE) {
            negative++;
        }
        if (a.hasSignals()) {
            signals++;
        }
        if (urgentItem) {
            urgent++;
        }
        engagement += a.engagement();
        if (first == null || a.discoveredAt().isBefore(first)) {
            first = a.discoveredAt();
        }
        if (last == null || a.discoveredAt().isAfter(last)) {
            last = a.discoveredAt();
        }
        schemes.addAll(a.schemeIdSet());
        channels.add(a.channelId());
        a.criteriaHits().forEach((k, v) -> criteria.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        a.placeCodesByName().forEach((name, codes) -> {
            places.merge(name, 1, Integer::sum);
            placeCodes.computeIfAbsent(name, x -> new TreeSet<>()).addAll(codes);
        });
        a.categoryHits().forEach((k, v) -> {
            categories.merge(k, v.size(), Integer::sum);
            categoryWords.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v);
            Map<String, Integer> words = categoryWordItems.computeIfAbsent(k, x -> new TreeMap<>());
            // a word inside a unit's name the item mentions (信访 in 信访局) counts as that unit, not twice
            v.stream().filter(w -> a.unitPairs().keySet().stream().noneMatch(n -> n.contains(w)))
                    .forEach(w -> words.merge(w, 1, Integer::sum));
        });
        named.addAll(a.unitPairs().keySet());
        a.unitPairs().values().forEach(id -> namedUnitItems.merge(Long.valueOf(id), 1, Integer::sum));
    }

    /** The place most items named; ties go to the first in name order, so that every node agrees. */
    String topPlace() {
        return top(places);
    }

    /**
     * The cue words with their item counts, and each department named counting as a cue of its
     * competences. Tallies from before the counts were kept give each word one item.
     */
    MatterCues matterCues(UnitIndex units) {
        MatterCues cues = new MatterCues();
        categoryWords.forEach((category, words) -> words.forEach(w -> {
            int items = categoryWordItems.isEmpty() ? 1 : categoryWordItems.getOrDefault(category, Map.of()).getOrDefault(w, 0);
            if (items > 0) {
                cues.add(category, w, items);
            }
        }));
        namedUnitItems.forEach((id, n) -> units.department(id)
                .ifPresent(d -> d.competences().forEach(c -> cues.add(c, d.name(), n))));
        return cues;
    }

    private static String top(Map<String, Integer> counts) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** Items per minute from a candidate's members, for a rebuild. */
    static Map<Instant, int[]> minutes(Iterable<ItemAnalysis> members) {
        Map<Instant, int[]> minutes = new HashMap<>();
        for (ItemAnalysis a : members) {
            int[] n = minutes.computeIfAbsent(minuteOf(a.discoveredAt()), k -> new int[2]);
            n[0]++;
            if (a.sentiment() == Sentiment.NEGATIVE) {
                n[1]++;
            }
        }
        return minutes;
    }

    static Instant minuteOf(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 60) * 60);
    }

    static Instant hourOf(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 3600) * 3600);
    }
}

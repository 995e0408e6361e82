package cn.yuqing.analysis;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import cn.yuqing.intake.OpinionItem;
import cn.yuqing.shared.Times;

/** What analysis found in one item, and the event candidate it belongs to. */
@Entity
public class ItemAnalysis {

    @Id
    private Long itemId;

    private Long candidateId;

    /** Placed by an analyst (merge, move, split): automatic clustering never moves it again. */
    private boolean pinned;

    private Long channelId;
    private Long unitId;
    private Instant discoveredAt;
    private long engagement;

    @Enumerated(EnumType.STRING)
    private Sentiment sentiment;
    private double sentimentScore;
    private String sentimentMethod;
    @Enumerated(EnumType.STRING)
    private Sentiment baselineSentiment;
    private String signals;
    private String reasons;
    private String keywords;
    private String summary;
    private String places;
    private String units;
    private String schemeIds;
    private String criteria;
    private String categories;
    private String signature;
    private Instant analysedAt;

    protected ItemAnalysis() {
    }

    ItemAnalysis(OpinionItem item, Features f, Instant now) {
        this.itemId = item.id();
        this.channelId = item.channelId();
        this.unitId = item.unitId();
        this.discoveredAt = item.discoveredAt();
        this.engagement = nz(item.reposts()) + nz(item.comments()) + nz(item.likes());
        this.sentiment = f.sentiment().sentiment();
        this.sentimentScore = f.sentiment().score();
        this.sentimentMethod = f.sentiment().method();
        this.baselineSentiment = f.baseline().sentiment();
        this.signals = f.sentiment().signals().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.reasons = clip(String.join("、", f.sentiment().reasons()), 2000);
        this.keywords = clip(String.join("、", f.keywords()), 500);
        this.summary = f.summary() == null ? null : clip(f.summary(), 2000);
        this.places = clip(f.places().stream().map(h -> h.target().canonical() + "|" + h.target().key()).distinct()
                .collect(Collectors.joining(";")), 2000);
        this.units = clip(f.units().stream().map(h -> h.target().canonical() + "|" + h.target().key()).distinct()
                .collect(Collectors.joining(";")), 2000);
        this.schemeIds = f.schemes().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.criteria = clip(joinSections(f.criteria()), 1000);
        this.categories = clip(joinSections(f.categories()), 1000);
        this.signature = Base64.getEncoder().encodeToString(MinHash.toBytes(f.signature()));
        this.analysedAt = now;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String joinSections(Map<String, Set<String>> sections) {
        return sections.entrySet().stream().map(e -> e.getKey() + ":" + String.join(",", e.getValue()))
                .collect(Collectors.joining(";"));
    }

    static Map<String, Set<String>> splitSections(String joined) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        if (joined == null || joined.isBlank()) {
            return sections;
        }
        for (String part : joined.split(";")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                sections.put(part.substring(0, colon), new LinkedHashSet<>(Arrays.asList(part.substring(colon + 1).split(","))));
            }
        }
        return sections;
    }

    /** name → key pairs of places or units (a name read as two keys keeps the last). */
    static Map<String, String> splitPairs(String joined) {
        Map<String, String> pairs = new LinkedHashMap<>();
        keysByName(joined).forEach((name, keys) -> pairs.put(name, keys.get(keys.size() - 1)));
        return pairs;
    }

    /** name → every key it was read as, in order: "杨集村民委员会|a;杨集村民委员会|b". */
    private static Map<String, List<String>> keysByName(String joined) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        if (joined != null && !joined.isBlank()) {
            for (String part : joined.split(";")) {
                int bar = part.lastIndexOf('|');
                if (bar > 0) {
                    byName.computeIfAbsent(part.substring(0, bar), k -> new java.util.ArrayList<>()).add(part.substring(bar + 1));
                }
            }
        }
        return byName;
    }

    void placeIn(Long candidateId, boolean byAnalyst) {
        this.candidateId = candidateId;
        this.pinned = this.pinned || byAnalyst;
    }

    /** Placement writes a batch's analyses in one JDBC batch: inserted one by one through JPA they were a fifth of its time. */
    static final String INSERT = """
            insert into item_analysis (item_id, candidate_id, pinned, channel_id, unit_id, discovered_at, engagement,
            sentiment, sentiment_score, sentiment_method, baseline_sentiment, signals, reasons, keywords, summary, places,
            units, scheme_ids, criteria, categories, signature, analysed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Binds this analysis to {@link #INSERT}, each value by its type (found by reflection per value, binding was half the insert). */
    void bind(PreparedStatement ps) throws SQLException {
        ps.setLong(1, itemId);
        ps.setLong(2, candidateId);
        ps.setBoolean(3, pinned);
        ps.setLong(4, channelId);
        ps.setLong(5, unitId);
        ps.setTimestamp(6, Timestamp.from(discoveredAt));
        ps.setLong(7, engagement);
        ps.setString(8, sentiment.name());
        ps.setDouble(9, sentimentScore);
        ps.setString(10, sentimentMethod);
        ps.setString(11, baselineSentiment.name());
        String[] texts = {signals, reasons, keywords, summary, places, units, schemeIds, criteria, categories, signature};
        for (int i = 0; i < texts.length; i++) {
            ps.setString(12 + i, texts[i]);
        }
        ps.setTimestamp(22, Timestamp.from(analysedAt));
    }

    void topicsCorrected(Set<Long> schemes) {
        this.schemeIds = schemes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    void corrected(Sentiment label) {
        this.sentiment = label;
        this.sentimentMethod = "人工更正";
        this.sentimentScore = 1;
    }

    int[] signatureValues() {
        return MinHash.fromBytes(Base64.getDecoder().decode(signature));
    }

    public Long itemId() { return itemId; }
    public Long candidateId() { return candidateId; }
    public boolean pinned() { return pinned; }
    public Long channelId() { return channelId; }
    public Long unitId() { return unitId; }
    public Instant discoveredAt() { return discoveredAt; }
    public long engagement() { return engagement; }
    public Sentiment sentiment() { return sentiment; }
    public double sentimentScore() { return sentimentScore; }
    public String sentimentMethod() { return sentimentMethod; }
    public Sentiment baselineSentiment() { return baselineSentiment; }
    public List<String> signalLabels() {
        return signals == null || signals.isBlank() ? List.of()
                : Arrays.stream(signals.split(",")).map(s -> Sentiment.Signal.valueOf(s).label()).toList();
    }
    public boolean hasSignals() { return signals != null && !signals.isBlank(); }
    public String reasons() { return reasons; }
    public String keywords() { return keywords; }
    public String summary() { return summary; }
    public Map<String, String> placePairs() { return splitPairs(places); }

    /** Place names with every region each was read as (a name two places share is read as both). */
    Map<String, Set<String>> placeCodesByName() {
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        keysByName(places).forEach((name, keys) -> byName.put(name, new LinkedHashSet<>(keys)));
        return byName;
    }

    public Map<String, String> unitPairs() { return splitPairs(units); }
    public Set<Long> schemeIdSet() {
        return schemeIds == null || schemeIds.isBlank() ? Set.of()
                : Arrays.stream(schemeIds.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
    public Map<String, Set<String>> criteriaHits() { return splitSections(criteria); }
    public Map<String, Set<String>> categoryHits() { return splitSections(categories); }
    public String analysedAtText() { return Times.format(analysedAt); }
}

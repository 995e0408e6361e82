package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.intake.Items;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.responsibility.MainMatter;
import cn.yuqing.responsibility.RoutingRules;
import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.Times;

/**
 * Event candidates: their figures and suggestions, and the analyst's hand on them — merge, move
 * an item, split, dismiss. What an analyst places is pinned and never moved by clustering again.
 */
@Service
@Transactional
public class Candidates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CandidateRepository candidates;
    private final ItemAnalysisRepository analyses;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Items items;
    private final AnalysisEngine engine;
    private final PlacementPartitions partitions;
    private final RoutingRules routingRules;

    Candidates(CandidateRepository candidates, ItemAnalysisRepository analyses, AnalysisEngine engine,
            PlacementPartitions partitions, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, Items items,
            RoutingRules routingRules) {
        this.routingRules = routingRules;
        this.candidates = candidates;
        this.analyses = analyses;
        this.engine = engine;
        this.partitions = partitions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.items = items;
    }

    record Audited(String action, String subject, Map<String, ?> after) implements AuditedChange {
    }

    /**
     * A partition's turns so far, and among them the analysts' merges, moves and splits: placement
     * follows another node's placements by what they added, but must read its partition again
     * after an analyst regrouped items.
     */
    record Turn(long version, long regrouped) {
    }

    /**
     * Placement and the analyst's moves of one partition take turns on its row, so that neither
     * works on what the other is changing; other partitions go on meanwhile. Each turn counts the
     * partition's version up.
     */
    Turn lockPartition(String partition) {
        return turn(partition, "version = version + 1");
    }

    private Turn turn(String partition, String counted) {
        partitions.ensure(partition);
        // the update takes the row lock; the counts tell placement whether anyone else wrote since its last batch
        jdbc.update("update placement_partition set " + counted + " where partition_key = ?", partition);
        return jdbc.queryForObject("select version, regrouped from placement_partition where partition_key = ?",
                (rs, n) -> new Turn(rs.getLong(1), rs.getLong(2)), partition);
    }

    String partitionOf(EventCandidate c) {
        return c.partitionKey() != null ? c.partitionKey() : engine.partitionOf(c.unitId());
    }

    /** The open candidate this one was merged into, following the chain. */
    EventCandidate open(Long id) {
        EventCandidate c = candidates.findById(id).orElseThrow();
        int hops = 0;
        while (c.status() == EventCandidate.Status.MERGED && c.mergedInto() != null && hops++ < 100) {
            c = candidates.findById(c.mergedInto()).orElseThrow();
        }
        return c;
    }

    @Transactional(readOnly = true)
    public List<EventCandidate> queue(DataScope scope, int limit) {
        String filter = scope.installationWide() ? "" : " and unit_id in (" + scope.queryIds().stream()
                .map(String::valueOf).collect(Collectors.joining(",")) + ")";
        List<Long> ids = jdbc.queryForList("select id from event_candidate where status = 'OPEN'" + filter
                + " order by case level when 'MAJOR' then 0 when 'HOT' then 1 when 'WARNING' then 2 else 3 end,"
                + " last_seen desc fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only", Long.class);
        Map<Long, EventCandidate> byId = candidates.findAllById(ids).stream()
                .collect(Collectors.toMap(EventCandidate::id, c -> c));
        return ids.stream().map(byId::get).toList();
    }

    @Transactional(readOnly = true)
    public EventCandidate require(Long id, DataScope scope) {
        return candidates.findById(id).filter(c -> scope.covers(c.unitId())).orElseThrow(() -> new NotFound("候选事件"));
    }

    /**
     * The candidate an event was opened from, for a reader the event's own scope admitted: a party
     * unit sees the event's evidence, though not the collecting unit's other candidates.
     */
    @Transactional(readOnly = true)
    public EventCandidate ofEvent(Long candidateId) {
        return candidates.findById(candidateId).orElseThrow(() -> new NotFound("候选事件"));
    }

    /** Whether the item is one of the candidate's, wherever merges have taken either since. */
    @Transactional(readOnly = true)
    public boolean holds(Long candidateId, Long itemId) {
        return analyses.findById(itemId).map(a -> open(a.candidateId()).id().equals(open(candidateId).id())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<ItemAnalysis> itemsOf(Long candidateId) {
        return analyses.findByCandidate(candidateId);
    }

    /** A page's share of a candidate's items: the newest, and how many there are in all. */
    public record Members(List<ItemAnalysis> newest, long total) {
    }

    /** The candidate's items that carry a way back to their author, however many others it has, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> itemsWithContact(Long candidateId, int limit) {
        return analyses.findWithContact(candidateId, org.springframework.data.domain.PageRequest.of(0, limit));
    }

    /** A viral matter has thousands of items: pages list the newest and count the rest, without loading them. */
    @Transactional(readOnly = true)
    public Members newestItemsOf(Long candidateId, int limit) {
        return new Members(analyses.findNewest(candidateId, org.springframework.data.domain.PageRequest.of(0, limit)),
                analyses.countByCandidateId(candidateId));
    }

    @Transactional(readOnly = true)
    public WarningRules.Suggestion suggestion(EventCandidate c) {
        return c.suggestionJson() == null ? null : JSON.readValue(c.suggestionJson(), WarningRules.Suggestion.class);
    }

    /** What the candidate's items say its matter is, context words aside: clause 3 routes by it until an analyst confirms one. */
    @Transactional(readOnly = true)
    public MainMatter suggestedMatter(Long candidateId) {
        EventCandidate c = candidates.findById(candidateId).orElseThrow(() -> new NotFound("候选事件"));
        CandidateTallies tallies = c.talliesJson() == null ? tallied(candidateId) : CandidateTallies.of(c.talliesJson());
        return tallies.matterCues(engine.units()).suggest(routingRules.contextOnly());
    }

    private CandidateTallies tallied(Long candidateId) {
        CandidateTallies tallies = new CandidateTallies();
        analyses.findByCandidate(candidateId).forEach(a -> tallies.add(a, false));
        return tallies;
    }

    /**
     * The keywords the candidate's newest items carry most, by the number of items carrying each
     * (a viral repost counts once per copy: what many people write about is what they ask about).
     */
    @Transactional(readOnly = true)
    public List<String> concerns(Long candidateId, int limit) {
        Map<String, Integer> items = new java.util.HashMap<>();
        for (ItemAnalysis a : newestItemsOf(candidateId, 2_000).newest()) {
            if (a.keywords() != null && !a.keywords().isBlank()) {
                for (String k : new java.util.LinkedHashSet<>(List.of(a.keywords().split("、")))) {
                    items.merge(k, 1, Integer::sum);
                }
            }
        }
        return items.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Transactional(readOnly = true)
    public CandidateFigures figures(Long candidateId) {
        EventCandidate c = candidates.findById(candidateId).orElseThrow(() -> new NotFound("候选事件"));
        return figures(c, CandidateTallies.of(c.talliesJson()));
    }

    /** From the tallies and the candidate's minutes: no member is read, however many there are. */
    private CandidateFigures figures(EventCandidate c, CandidateTallies t) {
        return figures(t, spreads(List.of(c.id())).getOrDefault(c.id(), new int[2]));
    }

    private static CandidateFigures figures(CandidateTallies t, int[] spread) {
        return new CandidateFigures(t.items, t.negative, t.channels.size(), t.engagement, spread[0], spread[1], t.signals,
                t.urgent, t.first, t.last);
    }

    /**
     * Items in the last hour, counted now: the figure stored on a candidate is as of its last
     * refresh, and a candidate last touched months ago would still show the hour it was busy.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> lastHourNow(Collection<EventCandidate> shown) {
        Map<Long, Integer> now = new java.util.HashMap<>();
        spreads(shown.stream().map(EventCandidate::id).toList()).forEach((id, spread) -> now.put(id, spread[0]));
        return now;
    }

    /** Items in the last hour and in the 24 hours before it, per candidate, in one query. */
    private Map<Long, int[]> spreads(Collection<Long> candidateIds) {
        Instant now = clock.instant();
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        Map<Long, int[]> spreads = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(candidateIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(hourAgo, hourAgo, Timestamp.from(now.minus(Duration.ofHours(25)))));
            args.addAll(chunk);
            jdbc.query("""
                    select candidate_id, coalesce(sum(case when minute_start >= ? then items else 0 end), 0),
                           coalesce(sum(case when minute_start < ? then items else 0 end), 0)
                    from candidate_minute where minute_start >= ? and candidate_id in (%s) group by candidate_id"""
                    .formatted(Placement.marks(chunk.size())),
                    row -> {
                        spreads.put(row.getLong(1), new int[] {row.getInt(2), row.getInt(3)});
                    }, args.toArray());
        }
        return spreads;
    }

    /**
     * The candidate's items per bucket of {@code bucket} length from {@code from} (inclusive) to
     * {@code to} (exclusive), empty buckets included, for spread speed (4.5) and trend charts.
     * Counted here rather than in SQL so the buckets are the same on H2 and PostgreSQL.
     */
    @Transactional(readOnly = true)
    public List<Volume> volume(Long candidateId, Instant from, Instant to, Duration bucket) {
        if (bucket.isZero() || bucket.isNegative() || !to.isAfter(from)) {
            return List.of();
        }
        int buckets = (int) Math.min(10_000, (Duration.between(from, to).toMillis() + bucket.toMillis() - 1) / bucket.toMillis());
        int[] all = new int[buckets];
        int[] negative = new int[buckets];
        jdbc.query("""
                select discovered_at, sentiment from item_analysis
                where candidate_id = ? and discovered_at >= ? and discovered_at < ?""", row -> {
            int i = (int) (Duration.between(from, Times.instant(row.getObject(1))).toMillis() / bucket.toMillis());
            if (i < buckets) {
                all[i]++;
                if ("NEGATIVE".equals(row.getString(2))) {
                    negative[i]++;
                }
            }
        }, candidateId, Timestamp.from(from), Timestamp.from(to));
        List<Volume> volume = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            volume.add(new Volume(from.plus(bucket.multipliedBy(i)), all[i], negative[i]));
        }
        return volume;
    }

    /** The hourly rate of the candidate's topics (schemes) in its partition over the last week, before the last hour. */
    double topicBaselinePerHour(String partition, Set<Long> schemes) {
        Instant now = clock.instant();
        double best = 0;
        for (Long scheme : schemes) {
            Integer count = jdbc.queryForObject("""
                    select coalesce(sum(items), 0) from scheme_hour where partition_key = ? and scheme_id = ?
                      and hour_start >= ? and hour_start < ?""", Integer.class, partition, scheme,
                    Timestamp.from(CandidateTallies.hourOf(now.minus(Duration.ofDays(7)))),
                    Timestamp.from(CandidateTallies.hourOf(now.minus(Duration.ofHours(1)))));
            best = Math.max(best, (count == null ? 0 : count) / (7 * 24.0 - 1));
        }
        return best;
    }

    /**
     * Recomputes tallies, minutes, figures and the suggestion from the members: after an analyst
     * moved items or corrected one. Placement adds to the tallies instead ({@link #refresh(EventCandidate, CandidateTallies)}).
     */
    public void refresh(Long candidateId) {
        EventCandidate c = candidates.findById(candidateId).orElseThrow();
        List<ItemAnalysis> members = analyses.findByCandidate(candidateId);
        if (members.isEmpty() && c.status() == EventCandidate.Status.OPEN) {
            c.dismiss();
            return;
        }
        Set<Long> urgent = new java.util.HashSet<>(jdbc.queryForList("""
                select a.item_id from item_analysis a join opinion_item i on i.id = a.item_id
                where a.candidate_id = ? and i.urgent""", Long.class, candidateId));
        CandidateTallies tallies = new CandidateTallies();
        for (ItemAnalysis a : members) {
            tallies.add(a, urgent.contains(a.itemId()));
        }
        jdbc.update("delete from candidate_minute where candidate_id = ?", candidateId);
        List<Object[]> minutes = new ArrayList<>();
        CandidateTallies.minutes(members).forEach((minute, count) ->
                minutes.add(new Object[] {candidateId, Timestamp.from(minute), count[0], count[1]}));
        jdbc.batchUpdate("insert into candidate_minute (candidate_id, minute_start, items, negative) values (?, ?, ?, ?)",
                minutes);
        refresh(c, tallies);
    }

    /** Figures and the suggestion with its reasons, from the tallies. */
    void refresh(EventCandidate c, CandidateTallies tallies) {
        refresh(Map.of(c, tallies));
    }

    /** Many candidates at once (a batch of placement): their spreads in one query, each topic's baseline once. */
    void refresh(Map<EventCandidate, CandidateTallies> touched) {
        Map<Long, int[]> spreads = spreads(touched.keySet().stream().map(EventCandidate::id).toList());
        Map<String, Double> baselines = new java.util.HashMap<>();
        touched.forEach((c, tallies) -> {
            String partition = partitionOf(c);
            String place = tallies.topPlace();
            List<String> departments = departments(partition, place, tallies);
            CandidateFigures figures = figures(tallies, spreads.getOrDefault(c.id(), new int[2]));
            double baseline = baselines.computeIfAbsent(partition + "|" + tallies.schemes,
                    k -> topicBaselinePerHour(partition, tallies.schemes));
            WarningRules.Suggestion suggestion = WarningRules.suggest(figures, baseline, tallies.criteria, place, departments);
            c.schemes(tallies.schemes.stream().map(String::valueOf).collect(Collectors.joining(",")));
            c.refresh(figures, suggestion, JSON.writeValueAsString(suggestion), tallies.json());
        });
    }

    /**
     * Clause 3 as suggestions: territorial (the government of the place named), by competence (the
     * departments of the county whose competence covers the matter's category), and units named.
     */
    private List<String> departments(String partition, String place, CandidateTallies tallies) {
        List<String> suggestions = new ArrayList<>();
        Set<String> governments = new java.util.TreeSet<>();
        for (String code : place == null ? Set.<String>of() : tallies.placeCodes.getOrDefault(place, Set.of())) {
            engine.units().territorialGovernment(code).ifPresent(governments::add);
        }
        if (governments.size() == 1) {
            suggestions.add("属地：" + governments.iterator().next());
        } else if (governments.size() > 1) {
            // the text cannot tell which: the analyst is asked, rather than one of them guessed
            suggestions.add("属地（“" + place + "”有同名，待核实）：" + String.join("、", governments));
        }
        MainMatter matter = tallies.matterCues(engine.units()).suggest(routingRules.contextOnly());
        if (matter.known()) {
            for (String unit : engine.units().competent(partition, matter.main())) {
                suggestions.add("主管：" + unit + "（" + String.join("、", matter.cues().get(matter.main())) + "）");
            }
        }
        for (String name : tallies.named) {
            suggestions.add("文中提及：" + name);
        }
        return suggestions;
    }

    public void merge(Long sourceId, Long targetId, DataScope scope) {
        EventCandidate source = require(sourceId, scope);
        EventCandidate target = require(targetId, scope);
        // the source's members follow the merge by themselves (placement opens a merged candidate's target)
        lockPartitions(List.of(), source, target);
        source.mergeInto(target);
        for (ItemAnalysis a : analyses.findByCandidate(sourceId)) {
            a.placeIn(targetId, true);
        }
        analyses.flush();
        refresh(targetId);
        events.publishEvent(new Audited("analysis:candidate:merge", "candidate/" + sourceId, Map.of("into", targetId)));
    }

    public void move(Long itemId, Long targetId, DataScope scope) {
        ItemAnalysis a = analyses.findById(itemId).orElseThrow(() -> new NotFound("舆情信息"));
        Long from = a.candidateId();
        EventCandidate source = require(from, scope);
        EventCandidate target = require(targetId, scope);
        lockPartitions(List.of(itemId), source, target);
        if (target.status() != EventCandidate.Status.OPEN) {
            throw new DomainRuleViolation("只能移入未结束的候选事件");
        }
        a.placeIn(targetId, true);
        analyses.flush();
        refresh(from);
        refresh(targetId);
        events.publishEvent(new Audited("analysis:candidate:move", "item/" + itemId, Map.of("from", from, "to", targetId)));
    }

    /** The chosen items leave for a candidate of their own. */
    public EventCandidate split(Long candidateId, Collection<Long> itemIds, DataScope scope) {
        EventCandidate source = require(candidateId, scope);
        lockPartitions(itemIds, source);
        List<ItemAnalysis> chosen = analyses.findByItems(itemIds).stream()
                .filter(a -> a.candidateId().equals(candidateId)).toList();
        if (chosen.isEmpty()) {
            throw new DomainRuleViolation("请选择要拆分出去的信息");
        }
        if (chosen.size() == analyses.findByCandidate(candidateId).size()) {
            throw new DomainRuleViolation("不能把全部信息拆分出去");
        }
        // named after what it is about: the earliest item split out, not the matter it left
        Long first = chosen.stream().map(ItemAnalysis::itemId).min(Long::compare).orElseThrow();
        String title = items.require(first, DataScope.forSystemTask("拆分候选事件的命名")).headline();
        // and belonging to the unit that collected it, not to the unit of the matter it left
        Long unit = chosen.stream().filter(a -> a.itemId().equals(first)).findFirst().orElseThrow().unitId();
        EventCandidate fresh = new EventCandidate(title, unit, clock.instant());
        fresh.placeInPartition(engine.partitionOf(unit));
        fresh = candidates.save(fresh);
        for (ItemAnalysis a : chosen) {
            a.placeIn(fresh.id(), true);
        }
        analyses.flush();
        refresh(candidateId);
        refresh(fresh.id());
        events.publishEvent(new Audited("analysis:candidate:split", "candidate/" + candidateId,
                Map.of("into", fresh.id(), "items", chosen.stream().map(ItemAnalysis::itemId).toList())));
        return fresh;
    }

    /**
     * The partitions of the candidates, and of the items that change candidate (placed in their
     * own unit's partition, which a merge may have joined to another's candidate), counted as
     * regrouped: a node's memory there still holds the items' old candidates. Always in the same
     * order, so that two analysts' moves across two partitions cannot deadlock.
     */
    private void lockPartitions(Collection<Long> regroupedItems, EventCandidate... involved) {
        List<String> ofItems = regroupedItems.isEmpty() ? List.of() : jdbc.queryForList(
                "select distinct unit_id from item_analysis where item_id in (" + Placement.marks(regroupedItems.size()) + ")",
                Long.class, regroupedItems.toArray()).stream().map(engine::partitionOf).toList();
        java.util.stream.Stream.concat(java.util.Arrays.stream(involved).map(this::partitionOf), ofItems.stream())
                .distinct().sorted().forEach(p -> turn(p, "version = version + 1, regrouped = regrouped + 1"));
    }

    public void dismiss(Long candidateId, DataScope scope) {
        require(candidateId, scope).dismiss();
        events.publishEvent(new Audited("analysis:candidate:dismiss", "candidate/" + candidateId, Map.of()));
    }

    private static int n(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }
}

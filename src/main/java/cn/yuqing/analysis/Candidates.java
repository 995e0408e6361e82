package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.Unit;
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
    private final OrganisationDirectory directory;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Items items;

    Candidates(CandidateRepository candidates, ItemAnalysisRepository analyses, OrganisationDirectory directory,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, Items items) {
        this.candidates = candidates;
        this.analyses = analyses;
        this.directory = directory;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.items = items;
    }

    record Audited(String action, String subject, Map<String, ?> after) implements AuditedChange {
    }

    /** Clustering and the analyst's moves take turns, so neither works on what the other is changing. */
    void lock() {
        jdbc.queryForObject("select id from analysis_lock where id = 1 for update", Integer.class);
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

    @Transactional(readOnly = true)
    public List<ItemAnalysis> itemsOf(Long candidateId) {
        return analyses.findByCandidate(candidateId);
    }

    /** A page's share of a candidate's items: the newest, and how many there are in all. */
    public record Members(List<ItemAnalysis> newest, long total) {
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

    public CandidateFigures figures(Long candidateId) {
        Instant now = clock.instant();
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) as items,
                       sum(case when a.sentiment = 'NEGATIVE' then 1 else 0 end) as negative,
                       count(distinct a.channel_id) as channels,
                       coalesce(sum(a.engagement), 0) as engagement,
                       sum(case when a.discovered_at >= ? then 1 else 0 end) as last_hour,
                       sum(case when a.discovered_at >= ? and a.discovered_at < ? then 1 else 0 end) as previous_day,
                       sum(case when a.signals is not null and a.signals <> '' then 1 else 0 end) as with_signals,
                       sum(case when i.urgent then 1 else 0 end) as urgent,
                       min(a.discovered_at) as first_seen, max(a.discovered_at) as last_seen
                from item_analysis a join opinion_item i on i.id = a.item_id
                where a.candidate_id = ?""", Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.minus(Duration.ofHours(25))), Timestamp.from(now.minus(Duration.ofHours(1))), candidateId);
        return new CandidateFigures(n(row.get("items")), n(row.get("negative")), n(row.get("channels")),
                l(row.get("engagement")), n(row.get("last_hour")), n(row.get("previous_day")), n(row.get("with_signals")),
                n(row.get("urgent")), Times.instant(row.get("first_seen")), Times.instant(row.get("last_seen")));
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

    /** The hourly rate of the candidate's topics (schemes) over the last week, before the last hour. */
    double topicBaselinePerHour(Set<Long> schemes) {
        Instant now = clock.instant();
        double best = 0;
        for (Long scheme : schemes) {
            Integer count = jdbc.queryForObject("""
                    select count(*) from item_analysis where (',' || scheme_ids || ',') like ?
                      and discovered_at >= ? and discovered_at < ?""", Integer.class, "%," + scheme + ",%",
                    Timestamp.from(now.minus(Duration.ofDays(7))), Timestamp.from(now.minus(Duration.ofHours(1))));
            best = Math.max(best, (count == null ? 0 : count) / (7 * 24.0 - 1));
        }
        return best;
    }

    /** Recomputes figures and the suggestion with its reasons. */
    public void refresh(Long candidateId) {
        EventCandidate c = candidates.findById(candidateId).orElseThrow();
        List<ItemAnalysis> members = analyses.findByCandidate(candidateId);
        if (members.isEmpty() && c.status() == EventCandidate.Status.OPEN) {
            c.dismiss();
            return;
        }
        Set<Long> schemes = new LinkedHashSet<>();
        Map<String, Set<String>> criteria = new LinkedHashMap<>();
        Map<String, Integer> placeCounts = new HashMap<>();
        Map<String, String> placeCodes = new HashMap<>();
        Map<String, Integer> categoryCounts = new HashMap<>();
        Map<String, Set<String>> categoryWords = new HashMap<>();
        Set<String> named = new LinkedHashSet<>();
        for (ItemAnalysis a : members) {
            schemes.addAll(a.schemeIdSet());
            a.criteriaHits().forEach((k, v) -> criteria.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
            a.placePairs().forEach((name, code) -> {
                placeCounts.merge(name, 1, Integer::sum);
                placeCodes.put(name, code);
            });
            a.categoryHits().forEach((k, v) -> {
                categoryCounts.merge(k, v.size(), Integer::sum);
                categoryWords.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v);
            });
            named.addAll(a.unitPairs().keySet());
        }
        String place = placeCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        List<String> departments = departments(c, place == null ? null : placeCodes.get(place), categoryCounts,
                categoryWords, named);
        CandidateFigures figures = figures(candidateId);
        WarningRules.Suggestion suggestion = WarningRules.suggest(figures, topicBaselinePerHour(schemes), criteria, place,
                departments);
        c.schemes(schemes.stream().map(String::valueOf).collect(Collectors.joining(",")));
        c.refresh(figures, suggestion, JSON.writeValueAsString(suggestion));
    }

    /**
     * Clause 3 as suggestions: territorial (the government of the place named), by competence (the
     * departments of the county whose competence covers the matter's category), and units named.
     */
    private List<String> departments(EventCandidate c, String placeCode, Map<String, Integer> categoryCounts,
            Map<String, Set<String>> categoryWords, Set<String> named) {
        List<String> suggestions = new ArrayList<>();
        if (placeCode != null) {
            directory.region(placeCode).map(this::townshipOf).flatMap(r -> directory.governmentOf(r.code()))
                    .ifPresent(u -> suggestions.add("属地：" + u.name()));
        }
        String top = categoryCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (top != null) {
            Unit owner = directory.requireUnit(c.unitId());
            Region county = countyOf(owner.region());
            for (Unit u : directory.allUnits()) {
                if (u.competences().contains(top) && county != null && u.region().code().equals(county.code())) {
                    suggestions.add("主管：" + u.name() + "（" + String.join("、", categoryWords.get(top)) + "）");
                }
            }
        }
        for (String name : named) {
            suggestions.add("文中提及：" + name);
        }
        return suggestions;
    }

    private Region townshipOf(Region r) {
        Region t = r;
        while (t != null && t.level().ordinal() > cn.yuqing.organisation.RegionLevel.TOWNSHIP.ordinal()) {
            t = t.parent();
        }
        return t;
    }

    private Region countyOf(Region r) {
        Region t = r;
        while (t != null && t.level().ordinal() > cn.yuqing.organisation.RegionLevel.COUNTY.ordinal()) {
            t = t.parent();
        }
        return t != null && t.level() == cn.yuqing.organisation.RegionLevel.COUNTY ? t : r;
    }

    public void merge(Long sourceId, Long targetId, DataScope scope) {
        lock();
        EventCandidate source = require(sourceId, scope);
        EventCandidate target = require(targetId, scope);
        source.mergeInto(target);
        for (ItemAnalysis a : analyses.findByCandidate(sourceId)) {
            a.placeIn(targetId, true);
        }
        analyses.flush();
        refresh(targetId);
        events.publishEvent(new Audited("analysis:candidate:merge", "candidate/" + sourceId, Map.of("into", targetId)));
    }

    public void move(Long itemId, Long targetId, DataScope scope) {
        lock();
        ItemAnalysis a = analyses.findById(itemId).orElseThrow(() -> new NotFound("舆情信息"));
        Long from = a.candidateId();
        require(from, scope);
        EventCandidate target = require(targetId, scope);
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
        lock();
        EventCandidate source = require(candidateId, scope);
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
        String title = items.require(first, DataScope.installation()).headline();
        EventCandidate fresh = candidates.save(new EventCandidate(title, source.unitId(), clock.instant()));
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

    public void dismiss(Long candidateId, DataScope scope) {
        require(candidateId, scope).dismiss();
        events.publishEvent(new Audited("analysis:candidate:dismiss", "candidate/" + candidateId, Map.of()));
    }

    private static int n(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static long l(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}

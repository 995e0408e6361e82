package cn.yuqing.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * A matter of public opinion and its guarded lifecycle. Every step asks {@link Workflow} first and
 * is refused with the clause when the state forbids it; every step is recorded and published.
 * Two analysts editing one event are caught by the version: the second is told, nothing is lost.
 */
@Entity
public class OpinionEvent extends AbstractAggregateRoot<OpinionEvent> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private Long candidateId;

    private Long ownerUnitId;

    private String levelRegionCode;

    private String placeCodes;

    private String categories;

    private Instant firstKnownAt;

    @Enumerated(EnumType.STRING)
    private EventState state = EventState.COLLECTED;

    private String facts;
    private String sources;
    @Enumerated(EnumType.STRING)
    private Conclusion conclusion;
    @Enumerated(EnumType.STRING)
    private MatterKind matterKind;

    /** The matter category the analyst confirmed at verification: clause 3 routes by it. */
    private String mainCategory;

    private String otherCategories;
    private String verifiedBy;
    private Instant verifiedAt;

    private boolean warningSigns;
    private boolean hotOrMajor;

    private Boolean keyResponse;
    private String criteria;
    private String grade;
    private boolean emergency;
    private String judgementReasons;
    private String judgedBy;
    private Instant gradedAt;

    private Long responsibleUnitId;
    private Long leadUnitId;
    private boolean principalLeader;
    private String routing;
    private boolean routingOverridden;

    private String responseChannels;
    private String responseMethods;

    private Instant closedAt;
    private String review;

    @Version
    private long version;

    /** Eager: the history is always shown with the event, and is short. */
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "eventId", insertable = false, updatable = false)
    @OrderBy("at, id")
    private List<EventStep> steps = new ArrayList<>();

    protected OpinionEvent() {
    }

    OpinionEvent(String title, Long candidateId, Long ownerUnitId, String levelRegionCode, Set<String> places,
            Set<String> categories, Instant firstKnownAt) {
        if (title == null || title.isBlank()) {
            throw new DomainRuleViolation("事件名称不能为空");
        }
        this.title = title.strip().length() > 500 ? title.strip().substring(0, 500) : title.strip();
        this.candidateId = candidateId;
        this.ownerUnitId = ownerUnitId;
        this.levelRegionCode = levelRegionCode;
        this.placeCodes = String.join(",", places);
        this.categories = String.join(",", categories);
        this.firstKnownAt = firstKnownAt;
    }

    /** Records a step; the id is known only after the first save, so the opening step is added then. */
    private void step(Workflow.Action action, EventState to, String actor, Instant at, String note, Map<String, ?> after) {
        Workflow.Step step = Workflow.require(state, action);
        EventState from = state;
        state = to == null ? step.to() : to;
        record(action.name(), from, state, step.clause(), actor, at, note, after);
    }

    void record(String action, EventState from, EventState to, String clause, String actor, Instant at, String note,
            Map<String, ?> after) {
        steps.add(new EventStep(id, action, from, to, clause, actor, at, note));
        registerEvent(new EventStepTaken(id, action, from, to, clause, at, after));
    }

    void opened(String actor, Instant at) {
        record("OPEN", null, EventState.COLLECTED, "4.1", actor, at, null, Map.of("title", title));
    }

    void startVerification(String actor, Instant at) {
        step(Workflow.Action.START_VERIFICATION, null, actor, at, null, Map.of());
    }

    /** 4.2: facts checked, sources, a conclusion, and what kind of matter it is (it decides the response, 4.4). */
    void verify(String facts, String sources, Conclusion conclusion, MatterKind kind, String mainCategory,
            List<String> otherCategories, String actor, Instant at) {
        Workflow.require(state, Workflow.Action.VERIFY);
        if (facts == null || facts.isBlank()) {
            throw new DomainRuleViolation("4.2", "请填写核实的事实");
        }
        if (conclusion == null) {
            throw new DomainRuleViolation("4.2", "请选择核实结论");
        }
        if (kind == null) {
            throw new DomainRuleViolation("4.4", "请选择舆情类别（决定回应时须公开的内容）");
        }
        step(Workflow.Action.VERIFY, null, actor, at, conclusion.label(), Map.of("conclusion", conclusion.name(),
                "matterKind", kind.name(), "mainCategory", mainCategory == null ? "" : mainCategory,
                "otherCategories", otherCategories == null ? List.of() : otherCategories));
        this.mainCategory = mainCategory;
        this.otherCategories = mainCategory == null || otherCategories == null || otherCategories.isEmpty() ? null
                : String.join(",", otherCategories);
        this.facts = facts.strip();
        this.sources = sources == null ? null : sources.strip();
        this.conclusion = conclusion;
        this.matterKind = kind;
        this.verifiedBy = actor;
        this.verifiedAt = at;
    }

    /** 4.2: warning signs oblige a report to the unit's leader; hot or major to the superior authority. */
    void flag(boolean signs, boolean hotOrMajor, String actor, Instant at) {
        if (state == EventState.CLOSED) {
            throw new DomainRuleViolation("已办结的事件不能再标记");
        }
        this.warningSigns = this.warningSigns || signs;
        this.hotOrMajor = this.hotOrMajor || hotOrMajor;
        record("FLAG", state, state, "4.2", actor, at, (signs ? "预警性、倾向性、苗头性" : "") + (hotOrMajor ? " 热点或重大" : ""),
                Map.of("warningSigns", this.warningSigns, "hotOrMajor", this.hotOrMajor));
    }

    /**
     * 4.3: a key response names at least one criterion and a grade. The clocks of 4.4 follow the
     * grade (published as {@link EventGraded}).
     */
    void judge(boolean key, Set<String> criteria, Grade grade, boolean emergency, String reasons, String actor, Instant at) {
        Workflow.require(state, key ? Workflow.Action.JUDGE_KEY : Workflow.Action.JUDGE_WATCH);
        if (key && (criteria == null || criteria.isEmpty())) {
            throw new DomainRuleViolation("4.3", "重点回应须至少符合一项研判标准");
        }
        if (key && grade == null) {
            throw new DomainRuleViolation("4.3", "重点回应须确定等级");
        }
        if (reasons == null || reasons.isBlank()) {
            throw new DomainRuleViolation("4.3", "请写明研判理由");
        }
        Workflow.Action action = key ? Workflow.Action.JUDGE_KEY : Workflow.Action.JUDGE_WATCH;
        step(action, null, actor, at, reasons, Map.of("key", key, "criteria", criteria == null ? List.of() : List.copyOf(criteria),
                "grade", grade == null ? "" : grade.code(), "emergency", emergency));
        this.keyResponse = key;
        this.criteria = criteria == null ? null : String.join(",", new java.util.TreeSet<>(criteria));
        this.grade = grade == null ? null : grade.code();
        this.emergency = emergency;
        this.judgementReasons = reasons.strip();
        this.judgedBy = actor;
        if (key) {
            this.gradedAt = at;
            registerEvent(new EventGraded(id, grade.code(), grade.name(), grade.rank(), emergency, criteria(), firstKnownAt, at, false));
        }
    }

    /** 4.5: follow-up may change the grade; the clocks are re-computed from the re-grade. */
    void regrade(Grade grade, boolean emergency, String reason, String actor, Instant at) {
        Workflow.require(state, Workflow.Action.REGRADE);
        if (grade == null) {
            throw new DomainRuleViolation("4.5", "请选择新的等级");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleViolation("4.5", "请写明调整等级的理由");
        }
        String before = this.grade;
        step(Workflow.Action.REGRADE, state, actor, at, reason, Map.of("from", before == null ? "" : before, "to", grade.code(),
                "emergency", emergency));
        this.grade = grade.code();
        this.emergency = emergency;
        this.gradedAt = at;
        registerEvent(new EventGraded(id, grade.code(), grade.name(), grade.rank(), emergency, criteria(), firstKnownAt, at, true));
    }

    /** Clause 3: the parties; an override of the suggested routing needs its reason, kept in the history. */
    void assign(Long responsible, Long lead, boolean principalLeader, String explanation, boolean overridden, String reason,
            String actor, Instant at) {
        if (state == EventState.COLLECTED || state == EventState.VERIFYING || state == EventState.CLOSED) {
            throw new DomainRuleViolation("3", "核实完成后、办结前才能确定责任主体");
        }
        if (responsible == null) {
            throw new DomainRuleViolation("3", "必须有一个第一责任主体");
        }
        if (overridden && (reason == null || reason.isBlank())) {
            throw new DomainRuleViolation("3", "调整系统认定的责任主体须写明理由");
        }
        this.responsibleUnitId = responsible;
        this.leadUnitId = lead;
        this.principalLeader = principalLeader;
        this.routing = explanation == null ? null : explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation;
        this.routingOverridden = overridden;
        record(overridden ? "OVERRIDE_ROUTING" : "ROUTE", state, state, "3", actor, at,
                overridden ? "调整理由：" + reason.strip() : explanation, Map.of("responsible", responsible,
                        "lead", lead == null ? "" : lead, "principalLeader", principalLeader));
    }

    /** 4.2: a response plan names the responsible party, talking points and the channels of response. */
    void makePlan(String channels, String methods, boolean hasTalkingPoints, String actor, Instant at) {
        Workflow.require(state, Workflow.Action.MAKE_PLAN);
        if (responsibleUnitId == null) {
            throw new DomainRuleViolation("4.2", "制定方案前须明确责任主体");
        }
        if (!hasTalkingPoints) {
            throw new DomainRuleViolation("4.2", "制定方案须有口径");
        }
        if (channels == null || channels.isBlank()) {
            throw new DomainRuleViolation("4.2", "请写明回应渠道");
        }
        step(Workflow.Action.MAKE_PLAN, null, actor, at, null, Map.of("channels", channels.strip()));
        this.responseChannels = channels.strip();
        this.responseMethods = methods == null ? null : methods.strip();
    }

    void startResponse(String actor, Instant at) {
        step(Workflow.Action.START_RESPONSE, null, actor, at, null, Map.of());
    }

    void startFollowUp(String actor, Instant at) {
        step(Workflow.Action.START_FOLLOW_UP, null, actor, at, null, Map.of());
    }

    /** 4.6: an event closes with its review; duties waived are named with their reasons. */
    void close(String review, Map<String, String> waived, String actor, Instant at) {
        Workflow.require(state, Workflow.Action.CLOSE);
        if (review == null || review.isBlank()) {
            throw new DomainRuleViolation("4.6", "办结须有总结");
        }
        String note = waived.isEmpty() ? null : "不再办理：" + String.join("；", waived.entrySet().stream()
                .map(w -> w.getKey() + "（理由：" + w.getValue() + "）").toList());
        step(Workflow.Action.CLOSE, null, actor, at, note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note,
                Map.of("review", review.strip(), "waived", Map.copyOf(waived)));
        this.review = review.strip();
        this.closedAt = at;
    }

    void reopen(String reason, String actor, Instant at) {
        Workflow.require(state, Workflow.Action.REOPEN);
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleViolation("4.5", "重新打开须写明理由（如出现新的舆情信息）");
        }
        step(Workflow.Action.REOPEN, null, actor, at, reason, Map.of());
        this.closedAt = null;
    }

    public Set<String> criteria() {
        return criteria == null || criteria.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(criteria.split(",")));
    }

    public Set<String> placeCodes() {
        return placeCodes == null || placeCodes.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(placeCodes.split(",")));
    }

    public Set<String> categories() {
        return categories == null || categories.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(categories.split(",")));
    }

    public Long id() { return id; }
    public String title() { return title; }
    public Long candidateId() { return candidateId; }
    public Long ownerUnitId() { return ownerUnitId; }
    public String levelRegionCode() { return levelRegionCode; }
    public Instant firstKnownAt() { return firstKnownAt; }
    public String firstKnownAtText() { return Times.format(firstKnownAt); }
    public EventState state() { return state; }
    public String facts() { return facts; }
    public String sources() { return sources; }
    public Conclusion conclusion() { return conclusion; }
    public MatterKind matterKind() { return matterKind; }
    public String mainCategory() { return mainCategory; }

    public List<String> otherCategories() {
        return otherCategories == null || otherCategories.isBlank() ? List.of() : List.of(otherCategories.split(","));
    }
    public String verifiedBy() { return verifiedBy; }
    public boolean warningSigns() { return warningSigns; }
    public boolean hotOrMajor() { return hotOrMajor; }
    public Boolean keyResponse() { return keyResponse; }
    public String grade() { return grade; }
    public boolean emergency() { return emergency; }
    public String judgementReasons() { return judgementReasons; }
    public Instant gradedAt() { return gradedAt; }
    public Long responsibleUnitId() { return responsibleUnitId; }
    public Long leadUnitId() { return leadUnitId; }
    public boolean principalLeader() { return principalLeader; }
    public String routing() { return routing; }
    public boolean routingOverridden() { return routingOverridden; }
    public String responseChannels() { return responseChannels; }
    public String responseMethods() { return responseMethods; }
    public String review() { return review; }
    /** When it was closed; null while open (a reopened event is open again). */
    public Instant closedAt() { return closedAt; }
    public long version() { return version; }
    public List<EventStep> steps() { return List.copyOf(steps); }

    /** The events registered and not yet published (for tests of the aggregate alone). */
    List<Object> registered() {
        return List.copyOf(domainEvents());
    }

    public Set<Workflow.Action> possibleActions() {
        return Workflow.STEPS.stream().filter(s -> s.from() == state).map(Workflow.Step::action)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}

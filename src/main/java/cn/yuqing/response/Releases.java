package cn.yuqing.response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Roster;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.FileStore;
import cn.yuqing.shared.NotFound;

/**
 * Releases of an event (4.4): drafted (from a template, one click), checked against the talking
 * points, reviewed, signed off by the role the grade requires, published. Publishing stops the
 * clocks the release answers ({@link ReleasePublished}) and puts a public release on the public page.
 */
@Service
@Transactional
public class Releases {

    /**
     * A release with the checks of its text, for the reviewer: against the talking points, the
     * event's concerns, and proofreading, with the findings let pass and why.
     */
    public record Reviewed(Release release, List<TalkingPointsCheck.Finding> findings, ConcernCheck.Result concerns,
            List<Proofreading.Finding> proofreading, Map<String, ProofreadingOverride> overrides) {

        public boolean flagged() {
            return findings.stream().anyMatch(f -> f.kind() != TalkingPointsCheck.Finding.Kind.CARRIED);
        }

        /** The proofreading findings nobody let pass yet: sign-off waits for them. */
        public List<Proofreading.Finding> open() {
            return proofreading.stream().filter(f -> !overrides.containsKey(f.key())).toList();
        }
    }

    private final ReleaseRepository releases;
    private final TemplateRepository templates;
    private final ReferralRepository referrals;
    private final PressConferenceRepository conferences;
    private final ReleaseAttachmentRepository attachments;
    private final ProofreadingTermRepository terms;
    private final ProofreadingOverrideRepository overrides;
    private final FileStore files;
    private final OpinionEvents opinions;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Releases(ReleaseRepository releases, TemplateRepository templates, ReferralRepository referrals,
            PressConferenceRepository conferences, ReleaseAttachmentRepository attachments, FileStore files,
            OpinionEvents opinions, OrganisationDirectory directory, ApplicationEventPublisher events, Clock clock,
            ProofreadingTermRepository terms, ProofreadingOverrideRepository overrides) {
        this.terms = terms;
        this.overrides = overrides;
        this.attachments = attachments;
        this.files = files;
        this.conferences = conferences;
        this.releases = releases;
        this.templates = templates;
        this.referrals = referrals;
        this.opinions = opinions;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Release> of(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return releases.findByEvent(eventId);
    }

    /** The release and the check of its text against the event's current talking points. */
    @Transactional(readOnly = true)
    public Reviewed read(Long releaseId, DataScope scope) {
        Release r = release(releaseId, scope);
        EventSnapshot e = opinions.event(r.eventId(), scope);
        Map<String, ProofreadingOverride> passed = new java.util.LinkedHashMap<>();
        overrides.findByReleaseId(r.id()).forEach(o -> passed.put(o.finding(), o));
        return new Reviewed(r, TalkingPointsCheck.check(opinions.currentTalkingPoints(r.eventId()), r.text()),
                ConcernCheck.check(opinions.concerns(r.eventId(), ConcernCheck.CONCERNS), r.title() + "\n" + r.text()),
                proofread(r, e), passed);
    }

    /** Proofreading of the release's title and text against the directory, the office's lists and the verified facts. */
    private List<Proofreading.Finding> proofread(Release r, EventSnapshot e) {
        // the day it was drafted and today may be written as its own date
        Set<String> ownDates = new HashSet<>();
        for (Instant day : List.of(r.createdAt(), clock.instant())) {
            java.time.LocalDate d = day.atZone(cn.yuqing.shared.Times.ZONE).toLocalDate();
            ownDates.add(d.getMonthValue() + "月" + d.getDayOfMonth() + "日");
        }
        return Proofreading.check(r.title() + "\n" + r.text(), leaders(e.levelRegionCode()), terms.findAllOrdered(), e.facts(),
                unitNames(e.levelRegionCode()), ownDates);
    }

    /** The full and short names of the units of the region and below, as the directory holds them. */
    private List<String> unitNames(String regionCode) {
        List<String> names = new ArrayList<>();
        for (var u : directory.allUnits()) {
            if (u.region().code().startsWith(regionCode)) {
                names.add(u.name());
                names.addAll(u.shortNames());
            }
        }
        return names;
    }

    /**
     * The posts of the region as texts name them: 县长 alone where one person holds it, and always
     * with the region or the unit before it (潢川县县长, 踅孜镇镇长, 县住建局局长).
     */
    private List<Proofreading.Leader> leaders(String regionCode) {
        List<Person> titled = directory.titledPeopleIn(regionCode);
        Map<String, Long> holders = titled.stream().collect(java.util.stream.Collectors.groupingBy(Person::title,
                java.util.stream.Collectors.counting()));
        List<Proofreading.Leader> leaders = new ArrayList<>();
        for (Person p : titled) {
            Set<String> forms = new java.util.LinkedHashSet<>();
            forms.add(p.unit().region().name() + p.title());
            forms.add(p.unit().name() + p.title());
            p.unit().shortNames().forEach(s -> forms.add(s + p.title()));
            if (holders.get(p.title()) == 1) {
                forms.add(p.title());
            }
            leaders.add(new Proofreading.Leader(p.writtenName(), p.title(), List.copyOf(forms)));
        }
        return leaders;
    }

    private Release release(Long releaseId, DataScope scope) {
        Release r = releases.findById(releaseId).orElseThrow(() -> new NotFound("回应"));
        opinions.event(r.eventId(), scope);
        return r;
    }

    public Release draft(Long eventId, DataScope scope, SignedInPerson by, ReleaseKind kind, String title, String text,
            String channel, String speaker, boolean principalLeader) {
        EventSnapshot e = respondable(eventId, scope);
        Release r = releases.save(new Release(e.id(), kind, title, text, channel, speaker, principalLeader, by.getUsername(),
                clock.instant()));
        events.publishEvent(ReleaseChanged.ofEvent("draft", e.id(), r.id(), Map.of("kind", kind.name(), "title", r.title())));
        return r;
    }

    /**
     * 4.4: a first draft in the usual wording for the kind of matter, filled from the verified facts
     * and the current talking points. One click from the event page.
     */
    public Release firstDraft(Long eventId, DataScope scope, SignedInPerson by, ReleaseKind kind) {
        EventSnapshot e = respondable(eventId, scope);
        if (e.matterKind() == null) {
            throw new DomainRuleViolation("4.4", "核实时确定舆情类别后，才能按类别生成初稿");
        }
        ReleaseTemplate t = templates.findFor(kind.name(), e.matterKind().name()).stream().findFirst()
                .orElseThrow(() -> new DomainRuleViolation("4.4", "没有适用的回应模板，请政府办公室先设置"));
        Long unitId = e.responsibleUnitId() != null ? e.responsibleUnitId() : e.ownerUnitId();
        String unit = directory.requireUnit(unitId).name();
        Map<String, String> values = ReleaseTemplate.values(e.title(), e.facts(), opinions.currentTalkingPoints(e.id()), unit,
                clock.instant());
        String channel = e.responseChannels() == null ? "潢川县人民政府网站" : e.responseChannels();
        return draft(eventId, scope, by, kind, Release.fittedTitle(t.fill(t.title(), values)), t.fill(t.body(), values),
                channel.length() > 300 ? channel.substring(0, 300) : channel, null, false);
    }

    public Release revise(Long releaseId, long version, DataScope scope, SignedInPerson by, ReleaseKind kind, String title,
            String text, String channel, String speaker, boolean principalLeader) {
        Release r = editable(releaseId, version, scope);
        r.revise(kind, title, text, channel, speaker, principalLeader);
        events.publishEvent(ReleaseChanged.ofEvent("revise", r.eventId(), r.id(), Map.of("title", r.title())));
        return r;
    }

    public Release review(Long releaseId, long version, DataScope scope, SignedInPerson by, String note) {
        Release r = editable(releaseId, version, scope);
        r.review(by.getUsername(), note);
        events.publishEvent(ReleaseChanged.ofEvent("review", r.eventId(), r.id(), Map.of("reviewer", by.getUsername())));
        return r;
    }

    /**
     * 4.4 and clause 3: especially major and major events are signed off by the government office or
     * the publicity department of the level (or its principal leader); others by the head of the
     * responsible unit or the government office.
     */
    public Release signOff(Long releaseId, long version, DataScope scope, SignedInPerson by) {
        Release r = editable(releaseId, version, scope);
        EventSnapshot e = opinions.event(r.eventId(), scope);
        if (!maySignOff(e, by.personId())) {
            throw new DomainRuleViolation("4.4", opinions.majorOrAbove(e) ? "特别重大、重大舆情的回应须由本级政府办公室、宣传部门或主要负责同志签发"
                    : "回应须由责任单位负责人或本级政府办公室签发");
        }
        Set<String> passed = new HashSet<>();
        overrides.findByReleaseId(r.id()).forEach(o -> passed.add(o.finding()));
        List<Proofreading.Finding> open = proofread(r, e).stream().filter(f -> !passed.contains(f.key())).toList();
        if (!open.isEmpty()) {
            throw new DomainRuleViolation("4.4", "校对发现" + open.size() + "处问题尚未处理（" + open.stream()
                    .map(f -> f.kind().label() + "：" + f.found()).limit(3).collect(java.util.stream.Collectors.joining("；"))
                    + (open.size() > 3 ? "……" : "") + "）：请修改稿件，或逐条说明理由后放行，再签发");
        }
        r.signOff(by.getUsername());
        events.publishEvent(ReleaseChanged.ofEvent("sign-off", r.eventId(), r.id(), Map.of("signedOffBy", by.getUsername())));
        return r;
    }

    /**
     * A proofreading finding let pass on this release, with the reason (a quotation, a name the
     * directory does not yet hold): on record, audited, and it outlives a re-check of the same text.
     */
    public ProofreadingOverride letPass(Long releaseId, DataScope scope, SignedInPerson by, String findingKey, String reason) {
        Release r = release(releaseId, scope);
        if (r.status() == Release.Status.SIGNED_OFF || r.status() == Release.Status.PUBLISHED) {
            throw new DomainRuleViolation("4.4", "已签发的回应无需再放行");
        }
        EventSnapshot e = opinions.event(r.eventId(), scope);
        // letting a finding pass is part of signing off: the signer's, never the author's
        if (by.getUsername().equals(r.author()) || !maySignOff(e, by.personId())) {
            throw new DomainRuleViolation("4.4", "校对意见只能由有权签发此稿的人员（起草人以外）说明理由后放行");
        }
        boolean found = proofread(r, e).stream().anyMatch(f -> f.key().equals(findingKey));
        if (!found) {
            throw new DomainRuleViolation("4.4", "稿件中没有这条校对意见（稿件可能已修改），请刷新后再看");
        }
        if (overrides.existsByReleaseIdAndFinding(r.id(), findingKey)) {
            throw new DomainRuleViolation("4.4", "这条校对意见已经放行");
        }
        ProofreadingOverride o = overrides.save(new ProofreadingOverride(r.id(), findingKey, reason, by.getUsername(),
                clock.instant()));
        events.publishEvent(ReleaseChanged.ofEvent("proofreading-pass", r.eventId(), r.id(),
                Map.of("finding", findingKey, "reason", o.reason())));
        return o;
    }

    // ---- the office's proofreading lists ------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ProofreadingTerm> proofreadingTerms() {
        return terms.findAllOrdered();
    }

    public ProofreadingTerm addProofreadingTerm(SignedInPerson by, ProofreadingTerm.Kind kind, String term, String note) {
        ProofreadingTerm t = new ProofreadingTerm(kind, term, note, by.getUsername(), clock.instant());
        if (terms.existsByKindAndTerm(kind, t.term())) {
            throw new DomainRuleViolation("“" + t.term() + "”已在" + kind.label() + "名单中");
        }
        terms.save(t);
        events.publishEvent(new ReleaseChanged("response:proofreading:add", "proofreading-term/" + t.id(),
                Map.of("kind", kind.name(), "term", t.term(), "note", t.note() == null ? "" : t.note())));
        return t;
    }

    public void removeProofreadingTerm(SignedInPerson by, Long id) {
        ProofreadingTerm t = terms.findById(id).orElseThrow(() -> new NotFound("校对名单词语"));
        terms.delete(t);
        events.publishEvent(new ReleaseChanged("response:proofreading:remove", "proofreading-term/" + id,
                Map.of("kind", t.kind().name(), "term", t.term())));
    }

    @Transactional(readOnly = true)
    public boolean maySignOff(EventSnapshot e, Long personId) {
        Roster roster = directory.roster();
        Set<Long> allowed = new HashSet<>(roster.governmentOfficePeople(e.levelRegionCode()));
        if (opinions.majorOrAbove(e)) {
            allowed.addAll(roster.publicityPeople(e.levelRegionCode()));
            allowed.addAll(roster.principalLeaders(e.levelRegionCode()));
        } else {
            allowed.addAll(roster.leadersOf(e.responsibleUnitId() != null ? e.responsibleUnitId() : e.ownerUnitId()));
        }
        return allowed.contains(personId);
    }

    /** 4.4: only a published release answers its clocks; a public one appears on the public page. */
    public Release publish(Long releaseId, long version, DataScope scope, SignedInPerson by) {
        Release r = editable(releaseId, version, scope);
        Instant now = clock.instant();
        r.publish(now);
        events.publishEvent(ReleaseChanged.ofEvent("publish", r.eventId(), r.id(), Map.of("kind", r.kind().name(),
                "channel", r.channel())));
        events.publishEvent(new ReleasePublished(r.eventId(), r.id(), r.kind(), now, r.kind().label() + "：" + r.title()));
        return r;
    }

    private Release editable(Long releaseId, long version, DataScope scope) {
        Release r = release(releaseId, scope);
        if (r.version() != version) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Release.class, releaseId);
        }
        return r;
    }

    private EventSnapshot respondable(Long eventId, DataScope scope) {
        EventSnapshot e = opinions.event(eventId, scope);
        if (!Boolean.TRUE.equals(e.keyResponse()) && e.state() != cn.yuqing.opinion.EventState.WATCHING) {
            throw new DomainRuleViolation("4.4", "研判后才能拟写回应");
        }
        if (e.state() == cn.yuqing.opinion.EventState.CLOSED) {
            throw new DomainRuleViolation("4.4", "已办结的事件不能再拟写回应，如有新情况请重新打开");
        }
        return e;
    }

    // ---- referrals --------------------------------------------------------------------------------

    /**
     * 4.4: a false claim with clues of illegal acts is referred; the record says what was handed over,
     * when. The clue is the event's when the event as a whole is a false claim, or one item's — a
     * rumour post inside an event that is true as a whole (死亡10人，政府瞒报 beside a real collapse).
     */
    public Referral refer(Long eventId, DataScope scope, SignedInPerson by, Referral.Recipient recipient, String handedOver,
            String receipt, Long itemId) {
        EventSnapshot e = opinions.event(eventId, scope);
        if (itemId != null && !opinions.carries(eventId, itemId, scope)) {
            throw new DomainRuleViolation("4.4", "信息#" + itemId + "不属于本事件，请填写本事件中含有不实信息的信息编号");
        }
        if (itemId == null && e.matterKind() != MatterKind.FALSE_CLAIM) {
            throw new DomainRuleViolation("4.4", "只有核实为错误看法（不实信息）的舆情才整体移交涉嫌违法线索；"
                    + "事件中个别信息不实的，请填写该信息的编号");
        }
        Referral r = referrals.save(new Referral(eventId, itemId, recipient, handedOver, receipt, by.getUsername(),
                clock.instant()));
        events.publishEvent(ReleaseChanged.ofEvent("refer", eventId, null, itemId == null
                ? Map.of("recipient", recipient.name()) : Map.of("recipient", recipient.name(), "item", itemId)));
        return r;
    }

    @Transactional(readOnly = true)
    public List<Referral> referrals(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return referrals.findByEvent(eventId);
    }

    // ---- press conferences ------------------------------------------------------------------------

    public PressConference schedule(Long eventId, DataScope scope, SignedInPerson by, Instant at, String place, String speakers,
            boolean principalLeader, String questions) {
        EventSnapshot e = respondable(eventId, scope);
        PressConference p = conferences.save(new PressConference(e.id(), at, place, speakers, principalLeader, questions,
                by.getUsername()));
        events.publishEvent(ReleaseChanged.ofEvent("press-conference", e.id(), null, Map.of("scheduledAt", p.scheduledAtText(),
                "place", p.place())));
        return p;
    }

    /**
     * The conference took place: its record is kept, and a press-conference release is drafted from
     * it, which answers the 24-hour clock once reviewed, signed off and published.
     */
    public PressConference held(Long conferenceId, DataScope scope, SignedInPerson by, String record) {
        PressConference p = conferences.findById(conferenceId).orElseThrow(() -> new NotFound("新闻发布会"));
        EventSnapshot e = respondable(p.eventId(), scope);
        if (record == null || record.isBlank()) {
            throw new DomainRuleViolation("4.4", "请填写发布会实际情况（发布内容、答问情况）");
        }
        Release r = draft(e.id(), scope, by, ReleaseKind.PRESS_CONFERENCE, Release.fittedTitle("关于" + ReleaseTemplate.subject(e.title()) + "的新闻发布会"),
                record, p.place(), p.speakers(), p.principalLeader());
        p.held(record, clock.instant(), r.id());
        return p;
    }

    @Transactional(readOnly = true)
    public List<PressConference> conferences(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return conferences.findByEvent(eventId);
    }

    // ---- attachments ------------------------------------------------------------------------------

    /** At most this many files on one release. */
    static final int MAX_ATTACHMENTS = 10;

    /** 4.4: a file goes with a release while it is a draft; what was reviewed and signed off is what is published. */
    public ReleaseAttachment attach(Long releaseId, DataScope scope, SignedInPerson by, String fileName, byte[] content) {
        Release r = draftOf(releaseId, scope);
        if (attachments.findByRelease(r.id()).size() >= MAX_ATTACHMENTS) {
            throw new DomainRuleViolation("4.4", "每条回应最多" + MAX_ATTACHMENTS + "个附件");
        }
        ReleaseAttachment a = attachments.save(new ReleaseAttachment(r.id(), files.store(fileName, content), by.getUsername(),
                clock.instant()));
        events.publishEvent(ReleaseChanged.ofEvent("attach", r.eventId(), r.id(), Map.of("file", a.fileName(), "size", a.size())));
        return a;
    }

    public void detach(Long attachmentId, DataScope scope) {
        ReleaseAttachment a = attachments.findById(attachmentId).orElseThrow(() -> new NotFound("附件"));
        Release r = draftOf(a.releaseId(), scope);
        attachments.delete(a);
        events.publishEvent(ReleaseChanged.ofEvent("detach", r.eventId(), r.id(), Map.of("file", a.fileName())));
    }

    private Release draftOf(Long releaseId, DataScope scope) {
        Release r = release(releaseId, scope);
        if (r.status() != Release.Status.DRAFT) {
            throw new DomainRuleViolation("4.4", "只有草稿可以增删附件；已审核、签发或发布的回应不再改动");
        }
        return r;
    }

    @Transactional(readOnly = true)
    public List<ReleaseAttachment> attachments(Long releaseId, DataScope scope) {
        return attachments.findByRelease(release(releaseId, scope).id());
    }

    /** An attachment and its file, for someone who may read the release. */
    @Transactional(readOnly = true)
    public Map.Entry<ReleaseAttachment, java.nio.file.Path> attachment(Long attachmentId, DataScope scope) {
        ReleaseAttachment a = attachments.findById(attachmentId).orElseThrow(() -> new NotFound("附件"));
        release(a.releaseId(), scope);
        return Map.entry(a, files.pathOf(a.sha256()));
    }

    /** An attachment of a published public release, for anyone; otherwise it does not exist. */
    @Transactional(readOnly = true)
    public Map.Entry<ReleaseAttachment, java.nio.file.Path> publishedAttachment(Long attachmentId) {
        ReleaseAttachment a = attachments.findById(attachmentId).orElseThrow(() -> new NotFound("附件"));
        publishedRelease(a.releaseId());
        return Map.entry(a, files.pathOf(a.sha256()));
    }

    /** The attachments of published releases, by release, for the public page. */
    @Transactional(readOnly = true)
    public Map<Long, List<ReleaseAttachment>> publishedAttachments(List<Release> published) {
        List<Long> ids = published.stream().filter(r -> r.status() == Release.Status.PUBLISHED && r.kind().publicRelease())
                .map(Release::id).toList();
        return ids.isEmpty() ? Map.of() : attachments.findByReleases(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(ReleaseAttachment::releaseId));
    }

    // ---- public ---------------------------------------------------------------------------------

    /** 回应关切: published public releases, newest first. Nothing unpublished, internal or personal. */
    @Transactional(readOnly = true)
    public List<Release> published(int limit) {
        return releases.findPublished(java.util.Arrays.stream(ReleaseKind.values()).filter(ReleaseKind::publicRelease).toList(),
                PageRequest.of(0, Math.max(1, Math.min(limit, 200))));
    }

    @Transactional(readOnly = true)
    public Release publishedRelease(Long id) {
        return releases.findById(id).filter(r -> r.status() == Release.Status.PUBLISHED && r.kind().publicRelease())
                .orElseThrow(() -> new NotFound("回应"));
    }

    // ---- templates --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ReleaseTemplate> templates() {
        return templates.findAllOrdered();
    }

    public ReleaseTemplate changeTemplate(Long id, String title, String body) {
        ReleaseTemplate t = templates.findById(id).orElseThrow(() -> new NotFound("回应模板"));
        t.change(title, body);
        events.publishEvent(ReleaseChanged.ofTemplate(id, Map.of("title", t.title())));
        return t;
    }
}

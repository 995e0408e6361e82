package cn.yuqing.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.organisation.Unit;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.Times;

/**
 * 4.6 periodic notices: drafted from the period's scorecards (praise for units that met every
 * clock, criticism for units that missed one or fell below 60 %), edited, then issued with the
 * figures frozen. A notice belongs to the region of the person who drafted it.
 */
@Service
@Transactional
public class Notices {

    /** Notices issued before a column was split keep their figures: fields they lack read as 0, fields since dropped are ignored. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    static final double PRAISE_AT = 0.9;
    static final double CRITICISE_BELOW = 0.6;

    private final NoticeRepository notices;
    private final Scorecards scorecards;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notices(NoticeRepository notices, Scorecards scorecards, OrganisationDirectory directory, ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.scorecards = scorecards;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }


    @Transactional(readOnly = true)
    public List<Notice> list(SignedInPerson reader) {
        return notices.findByRegion(directory.regionCodeOf(reader));
    }

    @Transactional(readOnly = true)
    public Notice require(Long id, SignedInPerson reader) {
        return notices.findById(id).filter(n -> n.regionCode().equals(directory.regionCodeOf(reader)))
                .orElseThrow(() -> new NotFound("通报"));
    }

    public Notice draft(String periodCode, DataScope scope, SignedInPerson by) {
        Period period = Period.parse(periodCode);
        List<Scorecard> cards = scorecards.of(period, scope);
        String region = directory.requireRegion(directory.regionCodeOf(by)).name();
        List<String> praised = cards.stream().filter(c -> c.ranked() && c.missed() == 0 && c.late() == 0 && c.unanswered() == 0
                && c.weightedOnTime() >= PRAISE_AT).map(Scorecard::unitName).toList();
        List<Scorecard> criticised = cards.stream().filter(c -> !faults(c).isEmpty()).toList();
        String praise = praised.isEmpty() ? "本期没有符合表扬条件的单位。"
                : String.join("、", praised) + "在本期舆情回应工作中按时限发布权威信息、回应群众关切，工作积极主动，予以通报表扬。";
        String criticism = criticised.isEmpty() ? "本期没有需要通报批评的单位。"
                : criticised.stream().map(c -> c.unitName() + "：" + faults(c)).collect(Collectors.joining("；\n"))
                        + "。\n以上单位予以通报批评，请于15个工作日内书面报送整改情况。";
        String closing = "各单位要将政务舆情回应作为政务公开的重要内容，严格落实5小时、24小时、48小时回应时限，"
                + "做好跟进研判和持续发布；对工作消极、不作为且整改不到位的，将依规约谈。";
        Notice n = notices.save(new Notice(directory.regionCodeOf(by), period,
                "关于" + period.label() + region + "政务舆情回应工作情况的通报",
                praise, criticism, closing, by.getUsername(), clock.instant()));
        events.publishEvent(new AssessmentChanged("assessment:notice:draft", "notice/" + n.id(), Map.of("period", period.code())));
        return n;
    }

    /**
     * What a unit is criticised for, each fault named as the scorecard counts it: every clock it
     * missed (which event, which duty), key responses never answered, a low on-time share, and the
     * patrols it owed and did not make (4.1).
     */
    static String faults(Scorecard c) {
        List<String> faults = new java.util.ArrayList<>();
        if (c.missed() > 0) {
            faults.add("回应时限超时未完成" + c.missed() + "项（" + String.join("；", c.missedClocks()) + "）");
        }
        if (c.unanswered() > 0) {
            faults.add(c.unanswered() + "件重点回应舆情未发布回应");
        }
        if (c.ranked() && c.weightedOnTime() < CRITICISE_BELOW) {
            faults.add("加权按时率仅" + c.weightedOnTimeText());
        }
        if (c.patrolsDue() > c.patrolsDone()) {
            faults.add("应巡查" + c.patrolsDue() + "次，仅完成" + c.patrolsDone() + "次（第4.1条）");
        }
        return String.join("，", faults);
    }

    public Notice revise(Long id, long version, SignedInPerson by, String title, String praise, String criticism, String closing) {
        Notice n = editable(id, version, by);
        n.revise(title, praise, criticism, closing);
        events.publishEvent(new AssessmentChanged("assessment:notice:revise", "notice/" + id, Map.of("title", n.title())));
        return n;
    }

    /** Issued with the figures of today, frozen: a later change to the record does not rewrite a notice sent out. */
    public Notice issue(Long id, long version, DataScope scope, SignedInPerson by) {
        Notice n = editable(id, version, by);
        n.issue(JSON.writeValueAsString(liveRows(n, scope)), by.getUsername(), clock.instant());
        events.publishEvent(new AssessmentChanged("assessment:notice:issue", "notice/" + id, Map.of("title", n.title())));
        return n;
    }

    private Notice editable(Long id, long version, SignedInPerson by) {
        Notice n = require(id, by);
        if (n.version() != version) {
            throw new cn.yuqing.shared.DomainRuleViolation("4.6", "通报已被他人修改，请刷新后重试");
        }
        return n;
    }

    @Transactional(readOnly = true)
    public List<NoticeRow> rows(Notice n, DataScope scope) {
        return n.figures() == null ? liveRows(n, scope) : JSON.readValue(n.figures(), new TypeReference<List<NoticeRow>>() {
        });
    }

    private List<NoticeRow> liveRows(Notice n, DataScope scope) {
        List<Scorecard> cards = scorecards.of(n.period(), scope);
        int ranked = (int) cards.stream().filter(Scorecard::ranked).count();
        return cards.stream().map(c -> NoticeRow.of(c, ranked)).toList();
    }

    /** The totals of the table, in words: every number here is the sum of its column. */
    static String summary(Period period, List<NoticeRow> rows) {
        int events = rows.stream().mapToInt(NoticeRow::events).sum();
        int late = rows.stream().mapToInt(NoticeRow::late).sum();
        int missed = rows.stream().mapToInt(NoticeRow::missed).sum();
        int unanswered = rows.stream().mapToInt(NoticeRow::unanswered).sum();
        int due = rows.stream().mapToInt(NoticeRow::patrolsDue).sum();
        int done = rows.stream().mapToInt(NoticeRow::patrolsDone).sum();
        return period.label() + "，各单位共办理政务舆情" + events + "件；回应时限超时完成" + late + "项、超时未完成" + missed
                + "项；重点回应舆情未发布回应" + unanswered + "件；应巡查" + due + "次，完成" + done + "次。";
    }

    /** The notice as a .docx: the figures as issued, or today's for a draft. */
    @Transactional(readOnly = true)
    public byte[] document(Long id, DataScope scope, SignedInPerson reader) {
        Notice n = require(id, reader);
        List<NoticeRow> rows = rows(n, scope);
        String summary = summary(n.period(), rows);
        String issuer = directory.governmentOfficeOf(n.regionCode()).map(Unit::name).orElse("");
        LocalDate date = (n.issuedAt() == null ? clock.instant() : n.issuedAt()).atZone(Times.ZONE).toLocalDate();
        return NoticeDocument.write(n, summary, rows, issuer, date);
    }
}

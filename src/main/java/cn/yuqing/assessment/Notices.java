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

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        List<Scorecard> criticised = cards.stream().filter(c -> c.missed() > 0 || c.unanswered() > 0
                || (c.ranked() && c.weightedOnTime() < CRITICISE_BELOW)).toList();
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

    private static String faults(Scorecard c) {
        StringBuilder s = new StringBuilder();
        if (c.missed() > 0) {
            s.append(c.missed()).append("项回应时限超时未完成");
        }
        if (c.unanswered() > 0) {
            s.append(s.isEmpty() ? "" : "，").append(c.unanswered()).append("件重点回应舆情未发布回应");
        }
        if (c.ranked() && c.weightedOnTime() < CRITICISE_BELOW) {
            s.append(s.isEmpty() ? "" : "，").append("加权按时率仅").append(c.weightedOnTimeText());
        }
        return s.toString();
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
        return scorecards.of(n.period(), scope).stream().map(NoticeRow::of).toList();
    }

    /** The notice as a .docx: the figures as issued, or today's for a draft. */
    @Transactional(readOnly = true)
    public byte[] document(Long id, DataScope scope, SignedInPerson reader) {
        Notice n = require(id, reader);
        List<NoticeRow> rows = rows(n, scope);
        int events = rows.stream().mapToInt(NoticeRow::events).sum();
        int overdue = rows.stream().mapToInt(NoticeRow::overdue).sum();
        String summary = n.period().label() + "，各单位共办理政务舆情" + events + "件，回应时限超时" + overdue + "项。";
        String issuer = directory.governmentOfficeOf(n.regionCode()).map(Unit::name).orElse("");
        LocalDate date = (n.issuedAt() == null ? clock.instant() : n.issuedAt()).atZone(Times.ZONE).toLocalDate();
        return NoticeDocument.write(n, summary, rows, issuer, date);
    }
}

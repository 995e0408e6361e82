package cn.yuqing.opinion;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Roster;
import cn.yuqing.shared.NotificationRequested;

/**
 * 3.1.1: for an especially major matter the principal leader of the level guides, coordinates and
 * chases the response, and the publicity department coordinates with the government office. When
 * an event is first judged or re-graded especially major, both are told — once per event, however
 * often the grade moves (the row of {@code especially_major_notice} is the proof), in the
 * transaction that graded it.
 */
@Component
class EspeciallyMajorNotices {

    private final JdbcTemplate jdbc;
    private final OpinionManagement opinions;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;

    EspeciallyMajorNotices(JdbcTemplate jdbc, OpinionManagement opinions, OrganisationDirectory directory,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.opinions = opinions;
        this.directory = directory;
        this.events = events;
    }

    @EventListener
    void on(EventGraded graded) {
        if (graded.gradeRank() != Grade.ESPECIALLY_MAJOR_RANK || !firstTime(graded)) {
            return;
        }
        OpinionEvent e = opinions.require(graded.eventId(), DataScope.forSystemTask("特别重大事件通知"));
        Roster roster = directory.roster();
        Set<Long> leaders = roster.principalLeaders(e.levelRegionCode());
        Set<Long> publicity = new HashSet<>(roster.publicityPeople(e.levelRegionCode()));
        publicity.removeAll(leaders);
        String link = "/events/" + e.id();
        events.publishEvent(new NotificationRequested(leaders, "特别重大舆情：" + e.title(),
                "事件已" + (graded.regrade() ? "调整" : "研判") + "为特别重大政务舆情。按第3.1.1条，请主要负责同志指导、协调、督促相关部门做好回应；"
                        + "可在事件页记录指导意见。", link, true));
        events.publishEvent(new NotificationRequested(publicity, "特别重大舆情：" + e.title(),
                "事件已" + (graded.regrade() ? "调整" : "研判") + "为特别重大政务舆情。按第3条，请宣传部门会同政府办公室做好组织协调。",
                link, true));
    }

    /** Two gradings of one event cannot both commit (its version guards it), so looking first is enough. */
    private boolean firstTime(EventGraded graded) {
        if (jdbc.queryForObject("select count(*) from especially_major_notice where event_id = ?", Integer.class,
                graded.eventId()) > 0) {
            return false;
        }
        jdbc.update("insert into especially_major_notice (event_id, notified_at) values (?, ?)", graded.eventId(),
                java.sql.Timestamp.from(graded.gradedAt()));
        return true;
    }
}

package cn.yuqing.intake;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Role;
import cn.yuqing.shared.NotificationRequested;

/**
 * 4.1 "一旦发现问题及时上报": an item flagged urgent goes at once to the analysts who may read it
 * and to the leader of the unit that owns the channel (its department head; for a government, the
 * principal leader and the heads in its office).
 */
@Component
class UrgentReport {

    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;

    UrgentReport(OrganisationDirectory directory, ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
    }

    void report(OpinionItem item, Channel channel, Instant now) {
        Set<Long> recipients = recipientsFor(item.unitId());
        events.publishEvent(new NotificationRequested(recipients, "紧急舆情：" + item.headline(),
                "渠道：" + channel.name() + "。" + (item.urgentReason() == null ? "" : "上报理由：" + item.urgentReason()),
                "/intake/items/" + item.id(), true));
        item.reported(now);
    }

    Set<Long> recipientsFor(Long unitId) {
        Set<Long> recipients = new HashSet<>();
        for (Person analyst : directory.peopleWithRole(Role.ANALYST)) {
            if (directory.scopeOf(analyst).covers(unitId)) {
                recipients.add(analyst.id());
            }
        }
        recipients.addAll(directory.leadersOf(unitId));
        return recipients;
    }
}

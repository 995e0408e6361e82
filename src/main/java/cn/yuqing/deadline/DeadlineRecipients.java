package cn.yuqing.deadline;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.Roster;

/**
 * Who a reminder or an escalation reaches, decided when it fires: a work order returned and re-sent
 * in the meantime sends the reminder to whoever holds the duty now.
 */
@Component
class DeadlineRecipients {

    private final OpinionEvents opinions;
    private final OrganisationDirectory directory;

    DeadlineRecipients(OpinionEvents opinions, OrganisationDirectory directory) {
        this.opinions = opinions;
        this.directory = directory;
    }

    /** The responsible unit (the owning unit until one is named) and every unit holding an open work order. */
    Set<Long> dutyUnits(EventSnapshot e) {
        Set<Long> units = new HashSet<>();
        units.add(e.responsibleUnitId() != null ? e.responsibleUnitId() : e.ownerUnitId());
        for (OpinionEvents.OrderSnapshot o : opinions.orders(e.id())) {
            if (o.holdsDuty()) {
                units.add(o.unitId());
            }
        }
        return units;
    }

    Roster roster() {
        return directory.roster();
    }

    Set<Long> of(EventSnapshot e, EscalationLevel level, Roster roster) {
        return switch (level) {
            case RESPONSIBLE_UNIT -> {
                Set<Long> people = new HashSet<>(roster.peopleOf(dutyUnits(e), Role.RESPONDER, Role.DEPARTMENT_HEAD));
                people.addAll(roster.peopleOf(Set.of(e.ownerUnitId()), Role.ANALYST));
                yield people;
            }
            case DEPARTMENT_HEAD -> {
                Set<Long> people = new HashSet<>();
                for (Long unit : dutyUnits(e)) {
                    people.addAll(roster.leadersOf(unit));
                }
                yield people;
            }
            case GOVERNMENT_OFFICE -> roster.governmentOfficePeople(e.levelRegionCode());
            case PUBLICITY -> roster.publicityPeople(e.levelRegionCode());
            case PRINCIPAL_LEADER -> roster.principalLeaders(e.levelRegionCode());
            case SUPERIOR -> directory.region(e.levelRegionCode()).map(roster::superiorsOf).orElse(Set.of());
        };
    }
}

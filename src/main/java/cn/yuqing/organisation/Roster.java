package cn.yuqing.organisation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is where, read once: enabled people with their units and roles, and every unit. Work that
 * decides many recipients at once (a batch of deadline reminders) asks one roster instead of the
 * database once per recipient; single questions go through {@link OrganisationDirectory}, which
 * answers them from a fresh roster, so there is one way of deciding who a unit's leaders are.
 */
public final class Roster {

    private final List<Person> people;
    private final List<Unit> units;

    Roster(List<Person> people, List<Unit> units) {
        this.people = List.copyOf(people);
        this.units = List.copyOf(units);
    }

    /** Enabled people of these units holding any of the roles. */
    public Set<Long> peopleOf(Collection<Long> unitIds, Role... roles) {
        Set<Long> found = new HashSet<>();
        for (Person p : people) {
            if (p.unit() != null && unitIds.contains(p.unit().id())) {
                for (Role role : roles) {
                    if (p.roles().contains(role)) {
                        found.add(p.id());
                    }
                }
            }
        }
        return found;
    }

    Optional<Unit> unit(Long id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    Optional<Unit> single(String regionCode, UnitKind kind) {
        return units.stream().filter(u -> u.kind() == kind && u.region().code().equals(regionCode)).findFirst();
    }

    /**
     * The unit's heads (4.2 warning reports, overdue reminders); for a government, its office or the
     * publicity department, the principal leader and the office's heads as well.
     */
    public Set<Long> leadersOf(Long unitId) {
        Unit unit = unit(unitId).orElse(null);
        if (unit == null) {
            return Set.of();
        }
        Set<Long> leaderUnits = new HashSet<>(Set.of(unitId));
        if (unit.kind() == UnitKind.GOVERNMENT || unit.kind() == UnitKind.GOVERNMENT_OFFICE
                || unit.kind() == UnitKind.PUBLICITY_DEPARTMENT) {
            single(unit.region().code(), UnitKind.GOVERNMENT).ifPresent(u -> leaderUnits.add(u.id()));
            single(unit.region().code(), UnitKind.GOVERNMENT_OFFICE).ifPresent(u -> leaderUnits.add(u.id()));
        }
        return peopleOf(leaderUnits, Role.DEPARTMENT_HEAD, Role.PRINCIPAL_LEADER);
    }

    /** The government office of a region: its staff and heads, who coordinate (clause 3). */
    public Set<Long> governmentOfficePeople(String regionCode) {
        return single(regionCode, UnitKind.GOVERNMENT_OFFICE)
                .map(u -> peopleOf(Set.of(u.id()), Role.GOVERNMENT_OFFICE, Role.DEPARTMENT_HEAD)).orElse(Set.of());
    }

    /** The publicity department of a region: its staff and heads. */
    public Set<Long> publicityPeople(String regionCode) {
        return single(regionCode, UnitKind.PUBLICITY_DEPARTMENT)
                .map(u -> peopleOf(Set.of(u.id()), Role.PUBLICITY, Role.DEPARTMENT_HEAD)).orElse(Set.of());
    }

    /** The principal leaders of a region's government. */
    public Set<Long> principalLeaders(String regionCode) {
        Set<Long> leaderUnits = new HashSet<>();
        single(regionCode, UnitKind.GOVERNMENT).ifPresent(u -> leaderUnits.add(u.id()));
        single(regionCode, UnitKind.GOVERNMENT_OFFICE).ifPresent(u -> leaderUnits.add(u.id()));
        return peopleOf(leaderUnits, Role.PRINCIPAL_LEADER);
    }

    /** The superior authority of a level (4.2): the government office and principal leader of the region above. */
    public Set<Long> superiorsOf(Region level) {
        if (level.parent() == null) {
            return Set.of();
        }
        Set<Long> above = new HashSet<>();
        single(level.parent().code(), UnitKind.GOVERNMENT_OFFICE).ifPresent(u -> above.add(u.id()));
        single(level.parent().code(), UnitKind.GOVERNMENT).ifPresent(u -> above.add(u.id()));
        return peopleOf(above, Role.GOVERNMENT_OFFICE, Role.PRINCIPAL_LEADER, Role.DEPARTMENT_HEAD);
    }
}

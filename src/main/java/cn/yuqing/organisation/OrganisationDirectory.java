package cn.yuqing.organisation;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.NotFound;

/**
 * Reads of the directory that other modules route and scope by (clause 3). Regions and units are
 * known to every signed-in person; people are records under data scope.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

    private final RegionRepository regions;
    private final UnitRepository units;
    private final PersonRepository people;
    private final MatterCategoryRepository categories;
    private final UnitSearch search;

    OrganisationDirectory(RegionRepository regions, UnitRepository units, PersonRepository people,
            MatterCategoryRepository categories, UnitSearch search) {
        this.regions = regions;
        this.units = units;
        this.people = people;
        this.categories = categories;
        this.search = search;
    }

    /** Units whose name or short names contain the words of the text (Chinese word segmentation). */
    public List<Unit> searchUnits(String text) {
        return text == null || text.isBlank() ? allUnits() : search.find(text.strip(), 200);
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : regions.findById(code);
    }

    public Region requireRegion(String code) {
        return region(code).orElseThrow(() -> new NotFound("行政区划"));
    }

    public List<Region> allRegions() {
        return regions.findAll();
    }

    public List<Region> rootRegions() {
        return regions.findRoots();
    }

    public List<Region> childrenOf(String code) {
        return regions.findChildren(code);
    }

    public long countChildren(String code) {
        return regions.countChildren(code);
    }

    /** The path from the root down to this region, for breadcrumbs. */
    public List<Region> pathTo(Region region) {
        Deque<Region> path = new ArrayDeque<>();
        for (Region r = region; r != null; r = r.parent()) {
            path.addFirst(r);
        }
        return List.copyOf(path);
    }

    public Optional<Unit> unit(Long id) {
        return id == null ? Optional.empty() : units.findById(id);
    }

    public Unit requireUnit(Long id) {
        return unit(id).orElseThrow(() -> new NotFound("单位"));
    }

    public List<Unit> unitsIn(String regionCode) {
        return units.findByRegion(regionCode);
    }

    public List<Unit> allUnits() {
        return units.findAll().stream()
                .sorted(Comparator.comparing((Unit u) -> u.region().code()).thenComparing(Unit::kind).thenComparing(Unit::name))
                .toList();
    }

    /** Clause 3, 属地管理: the people's government of the region. */
    public Optional<Unit> governmentOf(String regionCode) {
        return single(regionCode, UnitKind.GOVERNMENT);
    }

    /** Clause 3: the government office of the level coordinates every response. */
    public Optional<Unit> governmentOfficeOf(String regionCode) {
        return single(regionCode, UnitKind.GOVERNMENT_OFFICE);
    }

    /**
     * Whether the unit is the government office of this level or of a level above it: who decides on
     * a unit's 退单 and extensions and records a citizen's 回访 — never a township's own office for a
     * county's matter, nor any unit for itself.
     */
    public boolean isOfficeFor(Long unitId, String levelRegionCode) {
        Unit unit = unitId == null ? null : unit(unitId).orElse(null);
        if (unit == null || unit.kind() != UnitKind.GOVERNMENT_OFFICE) {
            return false;
        }
        Region level = requireRegion(levelRegionCode);
        return unit.region().code().equals(level.code()) || level.isWithin(unit.region());
    }

    /** Clause 3: with the publicity department of the same level. */
    public Optional<Unit> publicityDepartmentOf(String regionCode) {
        return single(regionCode, UnitKind.PUBLICITY_DEPARTMENT);
    }

    private Optional<Unit> single(String regionCode, UnitKind kind) {
        return units.findByRegionAndKind(regionCode, kind).stream().findFirst();
    }

    public List<MatterCategory> categories() {
        return categories.findAll(org.springframework.data.domain.Sort.by("code"));
    }

    public Optional<Person> person(String username) {
        return people.findByUsername(username);
    }

    /** People visible in the scope, or nothing: a person outside the scope is "not found". */
    public List<Person> peopleIn(DataScope scope) {
        return scope.installationWide() ? people.findAllOrdered() : people.findInUnits(scope.queryIds());
    }

    /**
     * The names of the people a record names (a report's recipient, an entry's author): the record
     * admits them, whatever the reader's scope; nobody else is read.
     */
    public Map<Long, String> namesOf(Collection<Long> personIds) {
        Map<Long, String> names = new HashMap<>();
        people.findAllById(personIds).forEach(p -> names.put(p.id(), p.fullName()));
        return names;
    }

    /** As {@link #namesOf}, by user name. */
    public Map<String, String> namesByUsername(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        people.findByUsernameIn(usernames).forEach(p -> names.put(p.username(), p.fullName()));
        return names;
    }

    public Person requirePerson(Long id, DataScope scope) {
        return people.findById(id)
                .filter(p -> scope.installationWide() || (p.unit() != null && scope.covers(p.unit().id())))
                .orElseThrow(() -> new NotFound("人员"));
    }

    /** The people with a post (职务) in units of the region or below it: whom releases name by their title. */
    public List<Person> titledPeopleIn(String regionCode) {
        return people.findTitled().stream()
                .filter(p -> p.unit() != null && p.unit().region().code().startsWith(regionCode)).toList();
    }

    /** Enabled people holding the role, with the units they may read. */
    public List<Person> peopleWithRole(Role role) {
        return people.findWithRole(role);
    }

    /** Enabled people with their units and roles, and every unit: for deciding many recipients at once. */
    public Roster roster() {
        return new Roster(people.findEnabled(), units.findAll());
    }

    /** Enabled people of these units holding any of the roles. */
    public Set<Long> peopleOf(Collection<Long> unitIds, Role... roles) {
        return roster().peopleOf(unitIds, roles);
    }

    /** See {@link Roster#leadersOf}. */
    public Set<Long> leadersOf(Long unitId) {
        requireUnit(unitId);
        return roster().leadersOf(unitId);
    }

    /** See {@link Roster#superiorsOf}. */
    public Set<Long> superiorsOf(String regionCode) {
        return roster().superiorsOf(requireRegion(regionCode));
    }

    /** People by id, for sending to many at once. */
    public List<Person> people(Collection<Long> ids) {
        return people.findAllById(ids);
    }

    public Optional<Person> person(Long id) {
        return id == null ? Optional.empty() : people.findById(id);
    }

    /** The code of the region a signed-in person works in: their unit's region (notices, thresholds, the dashboard are per region). */
    @Transactional(readOnly = true)
    public String regionCodeOf(SignedInPerson person) {
        return requireUnit(person.unitId()).region().code();
    }

    /** The units whose records this person may read: the union over their roles' scopes. */
    public DataScope scopeOf(Person person) {
        if (person.unit() == null) {
            // only the installation's first administrator has no unit (Person.apply refuses one without): they set it up
            return DataScope.installation();
        }
        Set<Long> visible = new HashSet<>();
        List<Unit> all = units.findAll();
        for (Role role : person.roles()) {
            visible.addAll(switch (role.scope()) {
                case UNIT -> Set.of(person.unit().id());
                case UNIT_AND_BELOW -> unitAndBelow(person.unit(), all);
                case REGION -> unitsWithin(person.unit().region(), all);
            });
        }
        return DataScope.units(visible);
    }

    private static Set<Long> unitsWithin(Region region, List<Unit> all) {
        Set<Long> ids = new HashSet<>();
        for (Unit u : all) {
            if (u.region().isWithin(region)) {
                ids.add(u.id());
            }
        }
        return ids;
    }

    private static Set<Long> unitAndBelow(Unit own, List<Unit> all) {
        Set<Long> ids = new HashSet<>();
        ids.add(own.id());
        Map<Long, List<Unit>> bySuperior = new HashMap<>();
        for (Unit u : all) {
            if (u.superior() != null) {
                bySuperior.computeIfAbsent(u.superior().id(), k -> new java.util.ArrayList<>()).add(u);
            }
        }
        Deque<Long> todo = new ArrayDeque<>(List.of(own.id()));
        while (!todo.isEmpty()) {
            for (Unit sub : bySuperior.getOrDefault(todo.pop(), List.of())) {
                if (ids.add(sub.id())) {
                    todo.push(sub.id());
                }
            }
        }
        // a government (and its office) stands above its own departments and the governments below
        if (own.kind() == UnitKind.GOVERNMENT || own.kind() == UnitKind.GOVERNMENT_OFFICE) {
            for (Unit u : all) {
                if (u.region().isWithin(own.region())) {
                    ids.add(u.id());
                }
            }
        }
        return ids;
    }
}

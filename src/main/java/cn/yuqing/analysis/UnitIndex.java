package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.RegionLevel;
import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitKind;

/**
 * What placement asks of the directory for every item and every candidate, answered from memory:
 * the partition a unit's items are placed in, the township government of a place (属地), and a
 * county's departments by competence (谁主管谁负责). Rebuilt with the gazetteer when units or
 * regions change.
 *
 * <p>Partition: the county a unit belongs to (a city's or province's own units form the partition
 * of their region). A candidate belongs to the unit that collected its items and is seen only
 * within that unit's data scope; no county's analyst could see a candidate joining another
 * county's items, so counties never share a candidate and are placed independently.
 */
final class UnitIndex {

    private final Map<Long, String> partitionByUnit = new HashMap<>();
    private final Map<String, String> townshipGovernmentByPlace = new HashMap<>();
    private final Map<String, Map<String, List<String>>> competentByCounty = new HashMap<>();
    private final Map<Long, Department> departments = new HashMap<>();

    /** A department as a cue of its matters when an item names it. */
    record Department(String name, java.util.Set<String> competences) {
    }

    UnitIndex(List<Region> regions, List<Unit> units) {
        Map<String, String> governmentByRegion = new HashMap<>();
        for (Unit u : units) {
            partitionByUnit.put(u.id(), countyOf(u.region()).code());
            if (u.kind() == UnitKind.DEPARTMENT) {
                departments.put(u.id(), new Department(u.name(), java.util.Set.copyOf(u.competences())));
            }
            if (u.kind() == UnitKind.GOVERNMENT) {
                governmentByRegion.put(u.region().code(), u.name());
            }
            Region county = countyOf(u.region());
            if (u.region().code().equals(county.code())) {
                for (String competence : u.competences()) {
                    competentByCounty.computeIfAbsent(county.code(), k -> new HashMap<>())
                            .computeIfAbsent(competence, k -> new ArrayList<>()).add(u.name());
                }
            }
        }
        for (Region r : regions) {
            Region township = townshipOf(r);
            if (township != null && governmentByRegion.containsKey(township.code())) {
                townshipGovernmentByPlace.put(r.code(), governmentByRegion.get(township.code()));
            }
        }
    }

    boolean knows(long unitId) {
        return partitionByUnit.containsKey(unitId);
    }

    /** Items of a unit the directory does not know are placed in a partition of their own. */
    String partitionOf(Long unitId) {
        return partitionByUnit.getOrDefault(unitId, "u" + unitId);
    }

    Optional<String> territorialGovernment(String placeCode) {
        return Optional.ofNullable(placeCode).map(townshipGovernmentByPlace::get);
    }

    Optional<Department> department(Long unitId) {
        return Optional.ofNullable(departments.get(unitId));
    }

    /** Departments of the county whose competence covers the category, by name. */
    List<String> competent(String partition, String category) {
        return competentByCounty.getOrDefault(partition, Map.of()).getOrDefault(category, List.of());
    }

    /** The township (or the level above it, for a place named at a higher level). */
    private static Region townshipOf(Region r) {
        Region t = r;
        while (t != null && t.level().ordinal() > RegionLevel.TOWNSHIP.ordinal()) {
            t = t.parent();
        }
        return t;
    }

    private static Region countyOf(Region r) {
        Region t = r;
        while (t != null && t.level().ordinal() > RegionLevel.COUNTY.ordinal()) {
            t = t.parent();
        }
        return t != null && t.level() == RegionLevel.COUNTY ? t : r;
    }
}

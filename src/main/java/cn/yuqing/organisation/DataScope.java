package cn.yuqing.organisation;

import java.util.Set;

/**
 * The units whose records a person may read. Queries take it as a filter ({@code unit_id in
 * :units}); it is never applied only in the UI. An installation-wide scope belongs only to the
 * first administrator, who exists before any unit.
 */
public record DataScope(Set<Long> unitIds, boolean installationWide) {

    /** A unit id no row has, so that an empty scope still renders a valid IN list. */
    private static final long NO_UNIT = -1L;

    public DataScope {
        unitIds = Set.copyOf(unitIds);
    }

    public static DataScope units(Set<Long> unitIds) {
        return new DataScope(unitIds, false);
    }

    public static DataScope installation() {
        return new DataScope(Set.of(), true);
    }

    /**
     * The whole installation, for a task the system does on its own — a timer firing, a listener
     * reacting to an event, the demo loader — named so that every such use says which task it is
     * and a reader's request never borrows it to step round data scope.
     */
    public static DataScope forSystemTask(String task) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("name the system task that acts for the installation");
        }
        return installation();
    }

    public boolean covers(Long unitId) {
        return installationWide || (unitId != null && unitIds.contains(unitId));
    }

    /** For {@code unit_id in (:ids)} queries: never empty. */
    public Set<Long> queryIds() {
        if (unitIds.isEmpty()) {
            return Set.of(NO_UNIT);
        }
        return unitIds;
    }
}

package cn.yuqing.responsibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yuqing.organisation.Unit;

/**
 * The parties of an event by clause 3: one responsible party at a time, co-handlers with their
 * duties, a lead department where several share a matter, the coordinators, whether the principal
 * leader is involved — and, for each, the reason with its clause.
 */
public final class RoutingDecision {

    public record Reason(String clause, String text) {
    }

    private Unit responsible;
    private Unit lead;
    private final Map<Long, String> coHandlers = new LinkedHashMap<>();
    private final Map<Long, Unit> units = new LinkedHashMap<>();
    private final Map<Long, String> coordinators = new LinkedHashMap<>();
    private boolean principalLeaderInvolved;
    private Unit principalLeaderGovernment;
    private final List<Reason> reasons = new ArrayList<>();

    void responsible(Unit unit, String clause, String reason) {
        this.responsible = unit;
        units.put(unit.id(), unit);
        reasons.add(new Reason(clause, reason));
    }

    /** A null reason: the lead goes without saying (nobody else co-operates). */
    void lead(Unit unit, String clause, String reason) {
        this.lead = unit;
        units.put(unit.id(), unit);
        if (reason != null) {
            reasons.add(new Reason(clause, reason));
        }
    }

    void coHandler(Unit unit, String duty, String clause, String reason) {
        if (responsible != null && responsible.id().equals(unit.id())) {
            return;
        }
        coHandlers.putIfAbsent(unit.id(), duty);
        units.put(unit.id(), unit);
        reasons.add(new Reason(clause, reason));
    }

    void coordinator(Unit unit, String role, String clause, String reason) {
        if (coordinators.putIfAbsent(unit.id(), role) == null) {
            units.put(unit.id(), unit);
            reasons.add(new Reason(clause, reason));
        }
    }

    void principalLeader(Unit government, String clause, String reason) {
        this.principalLeaderInvolved = true;
        this.principalLeaderGovernment = government;
        reasons.add(new Reason(clause, reason));
    }

    boolean hasResponsible() {
        return responsible != null;
    }

    public Unit responsible() { return responsible; }
    public Unit lead() { return lead; }
    public Map<Long, String> coHandlers() { return Map.copyOf(coHandlers); }
    public Map<Long, String> coordinators() { return Map.copyOf(coordinators); }
    public Unit unit(Long id) { return units.get(id); }
    public boolean principalLeaderInvolved() { return principalLeaderInvolved; }
    public Unit principalLeaderGovernment() { return principalLeaderGovernment; }
    public List<Reason> reasons() { return List.copyOf(reasons); }

    /** "属地：踅孜镇人民政府；主管：潢川县交通运输局 …": the explanation in one line. */
    public String explain() {
        return String.join("；", reasons.stream().map(Reason::text).toList());
    }
}

package cn.yuqing.responsibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.RegionLevel;
import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitKind;

/** The rules of clause 3, each small and named after the standard's words; applied in this order. */
final class Policies {

    private Policies() {
    }

    static List<RoutingPolicy> inOrder() {
        return List.of(new SeveralPlaces(), new ByCompetence(), new Territorial(), new ByLevel(), new VerticalManagement(),
                new PrincipalLeader(), new Coordinators());
    }

    /** The distinct townships the places lie in (a village counts as its township). */
    static Set<Region> townships(EventFacts facts, OrganisationDirectory directory) {
        Set<Region> townships = new LinkedHashSet<>();
        for (String code : facts.placeCodes()) {
            directory.region(code).ifPresent(r -> {
                Region t = r;
                while (t != null && t.level().ordinal() > RegionLevel.TOWNSHIP.ordinal()) {
                    t = t.parent();
                }
                if (t != null && t.level() == RegionLevel.TOWNSHIP) {
                    townships.add(t);
                }
            });
        }
        return townships;
    }

    /** Departments of the level whose competence covers the category (谁主管谁负责). */
    static List<Unit> competent(String category, EventFacts facts, OrganisationDirectory directory) {
        List<Unit> found = new ArrayList<>();
        for (Unit u : directory.unitsIn(facts.levelRegionCode())) {
            if (u.kind() == UnitKind.DEPARTMENT && u.competences().contains(category)) {
                found.add(u);
            }
        }
        return found;
    }

    /**
     * 3.1 (as the national rule reads it): an event touching several places is first the
     * responsibility of the competent department of the superior government; each place still
     * responds for its own area.
     */
    static final class SeveralPlaces implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            Set<Region> townships = townships(facts, directory);
            if (townships.size() < 2) {
                return;
            }
            for (String category : facts.categories()) {
                List<Unit> departments = competent(category, facts, directory);
                if (!departments.isEmpty()) {
                    decision.responsible(departments.get(0), "3.1", "涉及多地：由上级主管部门" + departments.get(0).name() + "负责");
                    break;
                }
            }
            if (!decision.hasResponsible()) {
                directory.governmentOf(facts.levelRegionCode()).ifPresent(g -> decision.responsible(g, "3.1",
                        "涉及多地且无明确主管部门：由" + g.name() + "负责"));
            }
            for (Region t : townships) {
                directory.governmentOf(t.code()).ifPresent(g -> decision.coHandler(g, "负责本辖区回应", "3.1",
                        "属地（多地之一）：" + g.name() + "负责本辖区"));
            }
        }
    }

    /**
     * Clause 3, 谁主管谁负责: the department the matter concerns is the first responsible party —
     * one the text names, else the one whose competence covers the category. Several departments:
     * each within its duties, the first-ranked leads (3.1.1), all with one set of talking points.
     */
    static final class ByCompetence implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            List<Unit> departments = new ArrayList<>();
            for (Long id : facts.namedUnitIds()) {
                directory.unit(id).filter(u -> u.kind() == UnitKind.DEPARTMENT).ifPresent(departments::add);
            }
            for (String category : facts.categories()) {
                for (Unit u : competent(category, facts, directory)) {
                    if (departments.stream().noneMatch(d -> d.id().equals(u.id()))) {
                        departments.add(u);
                    }
                }
            }
            if (departments.isEmpty()) {
                return;
            }
            Unit first = departments.get(0);
            if (!decision.hasResponsible()) {
                decision.responsible(first, "3", "主管：" + first.name());
            }
            if (departments.size() > 1) {
                decision.lead(first, "3.1.1", "多部门涉及：" + first.name() + "牵头，各部门按职责分工回应，统一口径");
                for (Unit other : departments.subList(1, departments.size())) {
                    decision.coHandler(other, "按职责分工回应", "3.1.1", "协办：" + other.name());
                }
            }
        }
    }

    /** Clause 3, 属地管理: the government of the one place concerned; a co-handler where a department leads. */
    static final class Territorial implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            Set<Region> townships = townships(facts, directory);
            if (townships.size() != 1) {
                return;
            }
            Region place = townships.iterator().next();
            Optional<Unit> government = directory.governmentOf(place.code());
            government.ifPresent(g -> {
                if (!decision.hasResponsible()) {
                    decision.responsible(g, "3", "属地：" + place.name());
                } else {
                    decision.coHandler(g, "属地配合", "3", "属地：" + place.name() + "配合");
                }
            });
        }
    }

    /** Clause 3, 分级负责: with no place and no competent department, the government of the level. */
    static final class ByLevel implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            if (!decision.hasResponsible()) {
                directory.governmentOf(facts.levelRegionCode()).ifPresent(g -> decision.responsible(g, "3",
                        "分级负责：" + g.name()));
            }
        }
    }

    /**
     * Clause 3: where the responsible department is vertically managed, the office of its superior
     * department, with the publicity department of that level, coordinates.
     */
    static final class VerticalManagement implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            Unit responsible = decision.responsible();
            if (responsible == null || !responsible.verticallyManaged() || responsible.superior() == null) {
                return;
            }
            Unit superior = responsible.superior();
            decision.coordinator(superior, "上级主管部门办公室组织协调", "3", "垂直管理：由" + superior.name() + "办公室组织协调");
            directory.publicityDepartmentOf(superior.region().code()).ifPresent(p -> decision.coordinator(p,
                    "会同组织协调", "3", "垂直管理：会同" + p.name()));
        }
    }

    /** 3.1.1: for especially major events the principal leader of the level guides, coordinates, urges. */
    static final class PrincipalLeader implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            if (facts.especiallyMajor()) {
                directory.governmentOf(facts.levelRegionCode()).ifPresent(g -> decision.principalLeader(g, "3.1.1",
                        "特别重大：" + g.name() + "主要负责同志指导、协调、督促"));
            }
        }
    }

    /**
     * Clause 3: the government office of the level, with the publicity department, organises and
     * coordinates every response — except where vertical management hands it to the superior's office.
     */
    static final class Coordinators implements RoutingPolicy {
        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            if (!decision.coordinators().isEmpty()) {
                return;
            }
            directory.governmentOfficeOf(facts.levelRegionCode()).ifPresent(o -> decision.coordinator(o, "组织协调", "3",
                    "组织协调：" + o.name()));
            directory.publicityDepartmentOf(facts.levelRegionCode()).ifPresent(p -> decision.coordinator(p, "会同组织协调",
                    "3", "会同：" + p.name()));
        }
    }
}

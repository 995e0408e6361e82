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
        return List.of(new SeveralPlaces(), new ByCompetence(), new Territorial(), new ByLevel(), new Lead(),
                new VerticalManagement(), new PrincipalLeader(), new Coordinators());
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

    /**
     * Units of the level whose competence covers the category (谁主管谁负责): departments, and the
     * government office where the directory gives it a matter of its own (policy interpretation).
     */
    static List<Unit> competent(String category, EventFacts facts, OrganisationDirectory directory) {
        List<Unit> found = new ArrayList<>();
        for (Unit u : directory.unitsIn(facts.levelRegionCode())) {
            if ((u.kind() == UnitKind.DEPARTMENT || u.kind() == UnitKind.GOVERNMENT_OFFICE) && u.competences().contains(category)) {
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
        public Rule rule() {
            return new Rule("3.1", "涉及多地", "涉及两个以上乡镇（街道）的，由上级政府的主管部门负责（无主管部门的由上级政府负责），各地负责本辖区的回应。");
        }

        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            Set<Region> townships = townships(facts, directory);
            if (townships.size() < 2) {
                return;
            }
            String main = facts.matter().main();
            List<Unit> departments = main == null ? List.of() : competent(main, facts, directory);
            if (!departments.isEmpty()) {
                decision.responsible(departments.get(0), "3.1", "涉及多地：由上级主管部门" + departments.get(0).name() + "负责（"
                        + facts.matter().basis(main) + "）");
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
     * Clause 3, 谁主管谁负责: the department whose competence covers the main matter is the first
     * responsible party and leads (3.1.1: 牵头 by the main competence). Departments competent for a
     * secondary matter co-operate within their duties under the same talking points. Context words
     * never reach here: the main matter is confirmed by the analyst, or suggested without them.
     */
    static final class ByCompetence implements RoutingPolicy {
        @Override
        public Rule rule() {
            return new Rule("3", "谁主管谁负责", "主要事项的主管部门是第一责任主体并牵头；次要事项的主管部门按职责分工配合。主要事项以研判人员核实时确认的类别为准，未确认时按文本提示，仅作背景的词不计。");
        }

        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            MainMatter matter = facts.matter();
            if (!matter.known()) {
                return;
            }
            List<Unit> main = competent(matter.main(), facts, directory);
            if (!main.isEmpty() && !decision.hasResponsible()) {
                decision.responsible(main.get(0), "3", "主管：" + main.get(0).name() + "（" + matter.basis(matter.main()) + "）");
            }
            Unit lead = decision.responsible();
            for (String other : matter.others()) {
                for (Unit u : competent(other, facts, directory)) {
                    if (lead == null || !lead.id().equals(u.id())) {
                        decision.coHandler(u, "按职责分工配合", "3.1.1", "配合：" + u.name() + "（" + matter.basis(other) + "）");
                    }
                }
            }
        }
    }

    /** Clause 3, 属地管理: the government of the one place concerned; a co-handler where a department leads. */
    static final class Territorial implements RoutingPolicy {
        @Override
        public Rule rule() {
            return new Rule("3", "属地管理", "只涉及一个乡镇（街道）的：无主管部门时由属地政府负责，有主管部门时属地配合。");
        }

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
        public Rule rule() {
            return new Rule("3", "分级负责", "既无地点也无主管部门的，由本级政府负责。");
        }

        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            if (!decision.hasResponsible()) {
                directory.governmentOf(facts.levelRegionCode()).ifPresent(g -> decision.responsible(g, "3",
                        "分级负责：" + g.name()));
            }
        }
    }

    /**
     * 3.1.1: one unit leads — the responsible party, unless a person chose otherwise; named as
     * such when others co-operate, so that everyone knows whose 口径 the answers follow.
     */
    static final class Lead implements RoutingPolicy {
        @Override
        public Rule rule() {
            return new Rule("3.1.1", "牵头", "由第一责任主体牵头（人工调整可另行指定），其他单位按职责分工回应，统一口径。");
        }

        @Override
        public void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision) {
            Unit responsible = decision.responsible();
            if (responsible != null && decision.lead() == null) {
                decision.lead(responsible, "3.1.1", decision.coHandlers().isEmpty() ? null
                        : "牵头：" + responsible.name() + "，各单位按职责分工回应，统一口径");
            }
        }
    }

    /**
     * Clause 3: where the responsible department is vertically managed, the office of its superior
     * department, with the publicity department of that level, coordinates.
     */
    static final class VerticalManagement implements RoutingPolicy {
        @Override
        public Rule rule() {
            return new Rule("3", "垂直管理", "第一责任主体实行垂直管理的，由其上级部门办公室会同宣传部门组织协调。");
        }

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

    /** 3.1.1: for especially major events the principal leader of the level guides, coordinates, chases. */
    static final class PrincipalLeader implements RoutingPolicy {
        @Override
        public Rule rule() {
            return new Rule("3.1.1", "特别重大", "特别重大舆情由本级政府主要负责同志指导、协调、督促。");
        }

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
        public Rule rule() {
            return new Rule("3", "组织协调", "本级政府办公室会同宣传部门做好组织协调工作。");
        }

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

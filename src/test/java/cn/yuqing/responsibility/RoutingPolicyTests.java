package cn.yuqing.responsibility;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Unit;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Clause 3 on 潢川县's demo directory, rule by rule: the module with the directory it reads, and nothing after it. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class RoutingPolicyTests {

    static final String COUNTY = "411526";
    static final String XUEZI = "411526107";
    static final String SANPI = "411526102";

    @Autowired
    ResponsibilityRouter router;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Standing alone: routing needs the directory and nothing of the workflow that uses it. */
    @Test
    void theModuleStandsOnTheDirectoryAlone() {
        assertThat(context.getBeanNamesForType(cn.yuqing.opinion.OpinionEvents.class)).isEmpty();
        assertThat(context.getBeanNamesForType(cn.yuqing.intake.ItemIntake.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ResponsibilityRouter.class)).hasSize(1);
    }

    private String name(Unit u) {
        return u == null ? null : u.name();
    }

    private Set<String> names(java.util.Map<Long, String> byUnit, RoutingDecision d) {
        return byUnit.keySet().stream().map(id -> d.unit(id).name()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theGovernmentOfThePlaceIsResponsibleWhenNoDepartmentIsConcerned() {
        RoutingDecision d = router.route(new EventFacts(List.of(XUEZI), COUNTY, MainMatter.none(), false));
        assertThat(name(d.responsible())).isEqualTo("踅孜镇人民政府");
        assertThat(d.explain()).contains("属地：踅孜镇");
    }

    @Test
    void theDepartmentWhoseCompetenceCoversTheMatterIsFirstResponsibleAndThePlaceAssists() {
        RoutingDecision d = router.route(new EventFacts(List.of(XUEZI), COUNTY, MainMatter.confirmed("TRANSPORT", List.of()), false));
        assertThat(name(d.responsible())).isEqualTo("潢川县交通运输局");
        assertThat(names(d.coHandlers(), d)).contains("踅孜镇人民政府");
        assertThat(d.explain()).contains("主管：潢川县交通运输局").contains("属地：踅孜镇配合");
    }

    @Test
    void aVillageCountsAsItsTownship() {
        String village = directory.childrenOf(XUEZI).get(0).code();
        RoutingDecision d = router.route(new EventFacts(List.of(village), COUNTY, MainMatter.none(), false));
        assertThat(name(d.responsible())).isEqualTo("踅孜镇人民政府");
    }

    @Test
    void withNoPlaceAndNoCompetentDepartmentTheGovernmentOfTheLevelResponds() {
        RoutingDecision d = router.route(new EventFacts(List.of(), COUNTY, MainMatter.none(), false));
        assertThat(name(d.responsible())).isEqualTo("潢川县人民政府");
        assertThat(d.explain()).contains("分级负责");
    }

    @Test
    void theGovernmentOfficeAndThePublicityDepartmentOfTheLevelAlwaysCoordinate() {
        RoutingDecision d = router.route(new EventFacts(List.of(XUEZI), COUNTY, MainMatter.confirmed("HOUSING", List.of()), false));
        assertThat(names(d.coordinators(), d)).containsExactlyInAnyOrder("潢川县人民政府办公室", "中共潢川县委宣传部");
    }

    @Test
    void aVerticallyManagedDepartmentsSuperiorOfficeCoordinates() {
        RoutingDecision d = router.route(new EventFacts(List.of(), COUNTY, MainMatter.confirmed("TAX", List.of()), false));
        assertThat(name(d.responsible())).isEqualTo("国家税务总局潢川县税务局");
        assertThat(names(d.coordinators(), d)).containsExactlyInAnyOrder("国家税务总局信阳市税务局", "中共信阳市委宣传部");
        assertThat(d.explain()).contains("垂直管理");
    }

    @Test
    void severalPlacesAreLedByTheCompetentDepartmentAboveAndEachPlaceAnswersForItsArea() {
        RoutingDecision d = router.route(new EventFacts(List.of(XUEZI, SANPI), COUNTY, MainMatter.confirmed("ENVIRONMENT", List.of()), false));
        assertThat(name(d.responsible())).isEqualTo("信阳市生态环境局潢川分局");
        assertThat(names(d.coHandlers(), d)).contains("踅孜镇人民政府", "伞陂镇人民政府");
        assertThat(d.coHandlers().values()).contains("负责本辖区回应");
        // the environment bureau is vertically managed: its superior coordinates
        assertThat(names(d.coordinators(), d)).contains("信阳市生态环境局");
    }

    @Test
    void severalDepartmentsEachRespondWithinTheirDutiesUnderALeadDepartment() {
        RoutingDecision d = router.route(new EventFacts(List.of(), COUNTY, MainMatter.confirmed("EDUCATION", List.of("MARKET")), false));
        assertThat(name(d.responsible())).isEqualTo("潢川县教育体育局");
        assertThat(name(d.lead())).isEqualTo("潢川县教育体育局");
        assertThat(names(d.coHandlers(), d)).contains("潢川县市场监督管理局");
        assertThat(d.explain()).contains("统一口径");
    }

    @Test
    void theSuggestedMainMatterLeadsAndContextWordsMakeNobodyResponsible() {
        MainMatter matter = new MatterCues().add(java.util.Map.of("WEATHER", Set.of("暴雨"), "TRANSPORT", Set.of("桥"),
                "EMERGENCY", Set.of("被困"))).add(java.util.Map.of("PETITION", Set.of("没人管"), "TRANSPORT", Set.of("桥")))
                .suggest(Set.of("暴雨", "没人管"));
        RoutingDecision d = router.route(new EventFacts(List.of(XUEZI), COUNTY, matter, false));
        assertThat(name(d.responsible())).isEqualTo("潢川县交通运输局");
        assertThat(name(d.lead())).isEqualTo("潢川县交通运输局");
        assertThat(names(d.coHandlers(), d)).containsExactlyInAnyOrder("潢川县应急管理局", "踅孜镇人民政府");
        assertThat(d.explain()).contains("文本提示：桥").doesNotContain("气象局", "信访局");
    }

    @Test
    void anEspeciallyMajorEventInvolvesThePrincipalLeaderOfTheLevel() {
        RoutingDecision ordinary = router.route(new EventFacts(List.of(XUEZI), COUNTY, MainMatter.none(), false));
        assertThat(ordinary.principalLeaderInvolved()).isFalse();
        RoutingDecision major = router.route(new EventFacts(List.of(XUEZI), COUNTY, MainMatter.confirmed("EMERGENCY", List.of()), true));
        assertThat(major.principalLeaderInvolved()).isTrue();
        assertThat(name(major.principalLeaderGovernment())).isEqualTo("潢川县人民政府");
        assertThat(major.reasons()).anyMatch(r -> r.clause().equals("3.1.1") && r.text().contains("主要负责同志"));
    }
}

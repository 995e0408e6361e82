package cn.yuqing.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.assessment.Period;
import cn.yuqing.assessment.Scorecards;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.Provenance;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.reporting.Dashboards;
import cn.yuqing.shared.NotFound;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * One deployment for the counties of a city (issue 9, part 2): each county's people see their own
 * county's items and events; the city's government office sees every county's.
 */
@WebTest
class MultiCountyTests {

    static final String GUANGSHAN = "411522";

    @Autowired
    OrganisationManagement management;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    Channels channels;
    @Autowired
    ItemIntake intake;
    @Autowired
    ItemAnalyses analyses;
    @Autowired
    Items items;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Dashboards dashboards;
    @Autowired
    Scorecards scorecards;
    @Autowired
    MutableClock clock;

    /** 光山县 beside 潢川县 under the city, with its government office and an analyst. */
    SignedInPerson guangshanAnalyst() {
        if (directory.region(GUANGSHAN).isEmpty()) {
            management.addRegion(GUANGSHAN, "光山县", RegionLevel.COUNTY, "4115");
            management.addRegion(GUANGSHAN + "001", "弦山街道", RegionLevel.TOWNSHIP, GUANGSHAN);
            Unit office = management.createUnit(new UnitData("光山县人民政府办公室", "光山县政府办", UnitKind.GOVERNMENT_OFFICE, GUANGSHAN,
                    false, null, Set.of()));
            // as the installation's administrator, whose scope is every region
            SignedInPerson admin = accounts.loadUserByUsername("admin");
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
            try {
                accounts.createPerson("gs.yanpan", new PersonData("陈光（光山研判）", office.id(), Set.of(Role.ANALYST), null, null, true));
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        }
        return accounts.loadUserByUsername("gs.yanpan");
    }

    @Test
    void eachCountySeesItsOwnAndTheCitySeesBoth() {
        clock.set(Instant.parse("2027-10-18T02:00:00Z"));
        SignedInPerson guangshan = guangshanAnalyst();
        DataScope gsScope = As.scopeOf(directory, "gs.yanpan");
        DataScope hcScope = As.scopeOf(directory, "yanpan");
        DataScope city = As.scopeOf(directory, "shi.zhengfuban");

        Long gsOffice = directory.governmentOfficeOf(GUANGSHAN).orElseThrow().id();
        var channel = channels.create(new ChannelData("光山县政务微博" + System.nanoTime(), ChannelType.WEIBO, gsOffice, null, 1, true,
                Set.of()), DataScope.installation());
        Long item = intake.receive(ItemSubmission.of(channel.id(), "gs-" + System.nanoTime(), null, "弦山街道路灯不亮",
                "弦山街道多条道路路灯不亮，夜间出行不便。", null, null), new Provenance("test", null, null, null)).itemId();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.find(item).isPresent());
        Long candidate = analyses.find(item).orElseThrow().candidateId();
        OpinionEvent gsEvent = opinions.open(candidate, gsScope, guangshan);
        OpinionEvent hcEvent = fixtures.verifiedEvent("潢川县城区停水", "潢川县城区大面积停水，居民生活受影响。");

        assertThat(items.require(item, gsScope).id()).isEqualTo(item);
        assertThatThrownBy(() -> items.require(item, hcScope)).isInstanceOf(NotFound.class);
        assertThat(items.require(item, city).id()).isEqualTo(item);

        assertThat(opinions.visible(gsScope)).extracting(OpinionEvent::id).contains(gsEvent.id()).doesNotContain(hcEvent.id());
        assertThat(opinions.visible(hcScope)).extracting(OpinionEvent::id).contains(hcEvent.id()).doesNotContain(gsEvent.id());
        assertThat(opinions.visible(city)).extracting(OpinionEvent::id).contains(gsEvent.id(), hcEvent.id());
        assertThatThrownBy(() -> opinions.require(gsEvent.id(), hcScope)).isInstanceOf(NotFound.class);

        assertThat(dashboards.of(city, "4115").townships().names()).as("the city's picture is by county").contains("光山县", "潢川县");
        assertThat(dashboards.of(gsScope, GUANGSHAN).townships().names()).containsExactly("弦山街道");
        assertThat(scorecards.of(Period.parse("2027-10"), hcScope)).noneMatch(c -> c.unitId().equals(gsOffice));
    }
}

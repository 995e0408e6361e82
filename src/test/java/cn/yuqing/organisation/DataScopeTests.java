package cn.yuqing.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A department sees what is its own: enforced in the queries, so a URL cannot get round it. */
@WebTest
class DataScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aTownshipResponderCannotReadAnotherTownshipsPersonEvenByUrl() throws Exception {
        Long sanpi = accounts.loadUserByUsername("sanpi.huiying").personId();
        Long xuezi = accounts.loadUserByUsername("jiankong.xuezi").personId();
        mvc.perform(get("/organisation/people/" + sanpi).with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到人员，或您无权查看")))
                .andExpect(content().string(not(containsString("吴刚"))));
        mvc.perform(get("/organisation/people/" + xuezi).with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("刘洋")));
    }

    @Test
    void aTownshipResponderListsOnlyTheirOwnTownshipsPeople() throws Exception {
        mvc.perform(get("/organisation/people").with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("周婷")))
                .andExpect(content().string(containsString("刘洋")))
                .andExpect(content().string(not(containsString("吴刚"))))
                .andExpect(content().string(not(containsString("郑华"))));
    }

    @Test
    void theCountyGovernmentOfficeSeesEveryUnitOfTheCountyAndItsTownshipsButNotTheCity() {
        DataScope scope = directory.scopeOf(directory.person("zhengfuban").orElseThrow());
        Long township = directory.governmentOf("411526107").orElseThrow().id();
        Long cityOffice = directory.governmentOfficeOf("4115").orElseThrow().id();
        assertThat(scope.covers(township)).isTrue();
        assertThat(scope.covers(cityOffice)).isFalse();
    }

    @Test
    void aCountyDepartmentHeadSeesTheirDepartmentOnly() {
        DataScope scope = directory.scopeOf(directory.person("zhujian.fuzeren").orElseThrow());
        Long housing = directory.person("zhujian.fuzeren").orElseThrow().unit().id();
        assertThat(scope.unitIds()).containsExactly(housing);
    }

    @Test
    void aCityDepartmentHeadSeesTheVerticallyManagedCountyBureauBelowIt() {
        Unit cityWeather = directory.unitsIn("4115").stream().filter(u -> u.name().equals("信阳市气象局")).findFirst()
                .orElseThrow();
        Unit countyWeather = directory.unitsIn("411526").stream().filter(u -> u.name().equals("潢川县气象局")).findFirst()
                .orElseThrow();
        Person head = new Person("weather.head", new PersonData("气象局长", cityWeather.id(),
                java.util.Set.of(Role.DEPARTMENT_HEAD), null, null, true), cityWeather, "x");
        assertThat(directory.scopeOf(head).unitIds()).containsExactlyInAnyOrder(cityWeather.id(), countyWeather.id());
    }

    @Test
    void anAdministratorCannotPlacePeopleInUnitsOutsideTheirScope() throws Exception {
        Long cityOffice = directory.governmentOfficeOf("4115").orElseThrow().id();
        long before = directory.peopleIn(DataScope.installation()).size();
        mvc.perform(post("/organisation/people").with(As.person(accounts, "guanli")).with(csrf())
                        .param("username", "outsider").param("fullName", "越权测试").param("unitId", cityOffice.toString())
                        .param("roles", "MONITOR"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("只能把人员安排到您管理范围内的单位")));
        assertThat(directory.peopleIn(DataScope.installation())).hasSize((int) before);
    }

    @Test
    void aResponderMayNotEditPeopleAtAll() throws Exception {
        Long xuezi = accounts.loadUserByUsername("jiankong.xuezi").personId();
        mvc.perform(post("/organisation/people/" + xuezi).with(As.person(accounts, "xuezi.huiying")).with(csrf())
                        .param("fullName", "改名").param("roles", "ADMINISTRATOR"))
                .andExpect(status().isForbidden());
    }
}

package cn.yuqing.organisation;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Refused edits of the directory: a Chinese message, a 4xx, and nothing stored. */
@WebTest
class DirectoryValidationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aVerticallyManagedDepartmentWithoutASuperiorIsRefused() throws Exception {
        int before = directory.allUnits().size();
        mvc.perform(post("/organisation/units").with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "潢川县烟草专卖局").param("kind", "DEPARTMENT").param("regionCode", "411526")
                        .param("verticallyManaged", "true"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("垂直管理部门必须指定上级主管部门")));
        assertThat(directory.allUnits()).hasSize(before);
    }

    @Test
    void aSuperiorMustBeADepartmentOfAHigherRegionAboveThisOne() throws Exception {
        Long townshipGovernment = directory.governmentOf("411526107").orElseThrow().id();
        mvc.perform(post("/organisation/units").with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "潢川县某垂管局").param("kind", "DEPARTMENT").param("regionCode", "411526")
                        .param("verticallyManaged", "true").param("superiorId", townshipGovernment.toString()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("上级主管部门必须是本地区上级区划的部门")));
    }

    @Test
    void aUnitWithoutARegionHasNoLevelAndIsRefused() throws Exception {
        mvc.perform(post("/organisation/units").with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "无级别单位").param("kind", "DEPARTMENT"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("单位必须属于某一行政区划")));
    }

    @Test
    void aSecondGovernmentOfficeForTheSameCountyIsRefused() throws Exception {
        mvc.perform(post("/organisation/units").with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "潢川县第二政府办").param("kind", "GOVERNMENT_OFFICE").param("regionCode", "411526"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("已有政府办公室，每一级只能有一个")));
    }

    @Test
    void aSecondEditorsStaleFormDoesNotOverwriteTheFirst() throws Exception {
        Unit unit = directory.unitsIn("411526").stream().filter(u -> u.name().equals("潢川县水利局")).findFirst().orElseThrow();
        long version = unit.version();
        mvc.perform(post("/organisation/units/" + unit.id()).with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "潢川县水利局").param("shortNames", "县水利局,水利局,水务局").param("kind", "DEPARTMENT")
                        .param("regionCode", "411526").param("competences", "WATER").param("version", Long.toString(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisation/units/" + unit.id()).with(As.person(accounts, "guanli")).with(csrf())
                        .param("name", "潢川县水务局").param("kind", "DEPARTMENT").param("regionCode", "411526")
                        .param("version", Long.toString(version)))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("已被他人修改")));
        assertThat(directory.requireUnit(unit.id()).name()).isEqualTo("潢川县水利局");
    }

    @Test
    void aRegionCannotSkipALevel() {
        var management = this.management;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> management.addRegion("411526999", "越级村", RegionLevel.VILLAGE, "411526"))
                .hasMessageContaining("上级区划必须恰好高一级");
    }

    @Autowired
    OrganisationManagement management;

    @Test
    void aDivisionFileInGbkIsRefusedWithAClearMessage() throws Exception {
        byte[] gbk = "code,name,level,parent\n411526998,测试乡,township,411526\n".getBytes(Charset.forName("GBK"));
        mvc.perform(multipart("/organisation/regions/import").file(new MockMultipartFile("file", "x.csv", "text/csv", gbk))
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("不是UTF-8编码")));
        assertThat(directory.region("411526998")).isEmpty();
    }

    @Test
    void aDivisionFileWithBadRowsListsEveryErrorAndStoresNothing() throws Exception {
        byte[] csv = ("code,name,level,parent\n411526997,好乡,township,411526\nabc,坏行,township,411526\n"
                + "411526996,<script>alert(1)</script>,hamlet,411526\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/organisation/regions/import").file(new MockMultipartFile("file", "x.csv", "text/csv", csv))
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("第3行：区划代码应为2至12位数字")))
                .andExpect(content().string(containsString("第4行：层级应为")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        assertThat(directory.region("411526997")).isEmpty();
    }

    @Test
    void aRegionNameWithMarkupIsStoredAsTextAndShownEscaped() throws Exception {
        mvc.perform(post("/organisation/regions/411526107/children").with(As.person(accounts, "guanli")).with(csrf())
                        .param("childCode", "411526107999").param("name", "<b onmouseover=alert(1)>村</b>"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/organisation/regions/411526107")
                        .with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString("&lt;b onmouseover=alert(1)&gt;村&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b onmouseover"))));
    }
}

package cn.yuqing.security;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Permissions;
import cn.yuqing.organisation.Role;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 (等保 level 3): the system administrator runs accounts and settings but neither reads the
 * audit nor grants the administrators' roles; the security administrator grants roles; the audit
 * administrator reads and verifies the audit and changes nothing; no person holds two of them.
 */
@WebTest
class ThreeAdministratorsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Permissions permissions;

    @Test
    void theThreeHoldSeparatePowers() {
        Set<String> system = permissions.of(Set.of(Role.ADMINISTRATOR));
        Set<String> security = permissions.of(Set.of(Role.SECURITY_ADMINISTRATOR));
        Set<String> audit = permissions.of(Set.of(Role.AUDIT_ADMINISTRATOR));
        assertThat(system).contains("organisation:person:edit").doesNotContain("audit:log:view", "organisation:role:assign");
        assertThat(security).contains("organisation:role:assign").doesNotContain("audit:log:view", "organisation:person:edit");
        assertThat(audit).contains("audit:log:view", "audit:chain:verify")
                .allSatisfy(code -> assertThat(code).as("the audit administrator changes nothing")
                        .matches(".*:(view|verify|export)$"));
        assertThat(security).doesNotContain("intake:item:view", "opinion:event:view");
        assertThat(audit).doesNotContain("intake:item:view", "opinion:event:view");
    }

    @Test
    void onlyTheSecurityAdministratorGrantsAnAdministratorsRoleAndNeverTwoToOnePerson() throws Exception {
        var person = directory.person("zhujian.huiying").orElseThrow();
        String path = "/organisation/people/" + person.id();

        // the system administrator's account form cannot make anyone an administrator
        mvc.perform(post(path).with(As.person(accounts, "guanli")).with(csrf()).param("version", Long.toString(person.version()))
                        .param("username", person.username()).param("fullName", person.fullName())
                        .param("unitId", person.unit().id().toString()).param("roles", "RESPONDER", "AUDIT_ADMINISTRATOR")
                        .param("enabled", "true"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("只能由安全管理员授予")));
        mvc.perform(post(path + "/roles").with(As.person(accounts, "guanli")).with(csrf())
                .param("version", Long.toString(person.version())).param("roles", "AUDIT_ADMINISTRATOR")).andExpect(status().isForbidden());

        // the security administrator may, but not two of the three to one person
        mvc.perform(post(path + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                        .param("version", Long.toString(person.version())).param("roles", "ADMINISTRATOR", "AUDIT_ADMINISTRATOR"))
                .andExpect(flash().attribute("error", containsString("不能由同一人兼任")));
        assertThat(directory.person("zhujian.huiying").orElseThrow().roles()).containsExactly(Role.RESPONDER);

        mvc.perform(post(path + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                        .param("version", Long.toString(person.version())).param("roles", "RESPONDER", "AUDIT_ADMINISTRATOR"))
                .andExpect(flash().attribute("notice", "已调整角色"));
        var granted = directory.person("zhujian.huiying").orElseThrow();
        assertThat(granted.roles()).containsExactlyInAnyOrder(Role.RESPONDER, Role.AUDIT_ADMINISTRATOR);
        mvc.perform(get("/audit").with(As.person(accounts, "zhujian.huiying"))).andExpect(status().isOk());

        // the system administrator's next save of the account keeps the role the security administrator gave
        mvc.perform(post(path).with(As.person(accounts, "guanli")).with(csrf()).param("version", Long.toString(granted.version()))
                .param("username", granted.username()).param("fullName", granted.fullName())
                .param("unitId", granted.unit().id().toString()).param("roles", "RESPONDER").param("enabled", "true"));
        granted = directory.person("zhujian.huiying").orElseThrow();
        assertThat(granted.roles()).containsExactlyInAnyOrder(Role.RESPONDER, Role.AUDIT_ADMINISTRATOR);

        mvc.perform(post(path + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                .param("version", Long.toString(granted.version())).param("roles", "RESPONDER")).andExpect(flash().attribute("notice", "已调整角色"));
        assertThat(directory.person("zhujian.huiying").orElseThrow().roles()).containsExactly(Role.RESPONDER);
    }

    /** A reset would hand the system administrator another administrator's account: that is the security administrator's. */
    @Test
    void theSystemAdministratorCannotTakeOverTheOtherTwoByAReset() throws Exception {
        // an audit administrator of this test's own (shenji's password stays as the other tests know it)
        var person = directory.person("yingji.fuzeren").orElseThrow();
        String path = "/organisation/people/" + person.id();
        mvc.perform(post(path + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                .param("version", Long.toString(person.version())).param("roles", "DEPARTMENT_HEAD", "AUDIT_ADMINISTRATOR"))
                .andExpect(flash().attribute("notice", "已调整角色"));
        mvc.perform(post(path + "/password").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("只能由安全管理员")));
        mvc.perform(post(path + "/unlock").with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("只能由安全管理员")));
        mvc.perform(post(path + "/password").with(As.person(accounts, "anquan")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("一次性密码")));
        var monitor = directory.person("jiankong").orElseThrow();
        mvc.perform(post("/organisation/people/" + monitor.id() + "/password").with(As.person(accounts, "anquan")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("只有系统管理员")));
        person = directory.person("yingji.fuzeren").orElseThrow();
        mvc.perform(post(path + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                .param("version", Long.toString(person.version())).param("roles", "DEPARTMENT_HEAD"))
                .andExpect(flash().attribute("notice", "已调整角色"));
    }

    @Test
    void theSecurityAdministratorCannotChangeTheirOwnRoles() throws Exception {
        var self = directory.person("anquan").orElseThrow();
        mvc.perform(post("/organisation/people/" + self.id() + "/roles").with(As.person(accounts, "anquan")).with(csrf())
                        .param("version", Long.toString(self.version())).param("roles", "SECURITY_ADMINISTRATOR", "ANALYST"))
                .andExpect(flash().attribute("error", containsString("不能给自己")));
    }

    @Test
    void anInstallationStartsWithOneOfEach() {
        for (Role role : Role.THREE_ADMINISTRATORS) {
            assertThat(directory.peopleWithRole(role)).as(role.label()).isNotEmpty();
        }
        assertThat(directory.person("secadmin").orElseThrow().roles()).containsExactly(Role.SECURITY_ADMINISTRATOR);
        assertThat(directory.person("auditadmin").orElseThrow().roles()).containsExactly(Role.AUDIT_ADMINISTRATOR);
    }
}

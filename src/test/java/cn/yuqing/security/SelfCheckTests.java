package cn.yuqing.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security administrator's self-check reads the running system's settings, clause by clause. */
@WebTest
class SelfCheckTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    SelfCheck selfCheck;

    @Test
    void eachControlSaysItsSettingNowAndWhatIsLeftToTheOperator() {
        var controls = selfCheck.controls();
        assertThat(controls).extracting(SelfCheck.Control::clause).contains("8.1.4.1 a", "8.1.4.1 b", "8.1.4.2 d", "8.1.4.8 b");
        var separation = controls.stream().filter(c -> c.clause().equals("8.1.4.2 d")).findFirst().orElseThrow();
        assertThat(separation.status()).isEqualTo(SelfCheck.Status.MET);
        assertThat(separation.setting()).contains("安全管理员 2 人").doesNotContain("兼任者");
        var atRest = controls.stream().filter(c -> c.clause().equals("8.1.4.8 b")).findFirst().orElseThrow();
        assertThat(atRest.setting()).contains("SM4").contains("环境变量").contains("个加密字段");
        var sessions = controls.stream().filter(c -> c.clause().equals("8.1.4.1 b")).findFirst().orElseThrow();
        assertThat(sessions.setting()).contains("空闲 30分钟 退出");
        assertThat(controls).filteredOn(c -> c.status() == SelfCheck.Status.OUTSIDE).allSatisfy(c -> assertThat(c.operator()).isNotBlank());
    }

    @Test
    void theSecurityAdministratorReadsItAndNobodyElse() throws Exception {
        mvc.perform(get("/security/self-check").with(As.person(accounts, "anquan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("三员分立")))
                .andExpect(content().string(containsString("运维须做：在反向代理")));
        mvc.perform(get("/security/self-check").with(As.person(accounts, "guanli"))).andExpect(status().isForbidden());
        mvc.perform(get("/security/self-check").with(As.person(accounts, "shenji"))).andExpect(status().isForbidden());
    }
}

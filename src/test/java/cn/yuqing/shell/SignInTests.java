package cn.yuqing.shell;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Accounts accounts;

    @Test
    void theSignInPageIsInChineseAndCarriesStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("舆情回应平台")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/organisation").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDemoAccountSignsInWithItsPassword() throws Exception {
        mvc.perform(formLogin("/login").user("yanpan").password(DemoPassword.VALUE))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("yanpan").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("kaohe").password("guess-" + i)).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin("/login").user("kaohe").password(DemoPassword.VALUE))
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").queryParam("error", "locked"))
                .andExpect(content().string(containsString("账户已暂时锁定")));

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(formLogin("/login").user("kaohe").password(DemoPassword.VALUE))
                .andExpect(redirectedUrl("/login?error=locked"));
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(formLogin("/login").user("kaohe").password(DemoPassword.VALUE)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("xuanchuan").password("guess-" + i));
        }
        mvc.perform(formLogin("/login").user("xuanchuan").password(DemoPassword.VALUE)).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("xuanchuan").password("guess-" + i));
        }
        mvc.perform(formLogin("/login").user("xuanchuan").password(DemoPassword.VALUE)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/organisation/categories").param("code", "CSRF_TEST").param("name", "跨站测试")
                        .with(As.person(accounts, "guanli")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organisation/categories").with(As.person(accounts, "guanli")))
                .andExpect(content().string(not(containsString("跨站测试"))));
        mvc.perform(post("/organisation/categories").param("code", "CSRF_TEST").param("name", "跨站测试")
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(redirectedUrl("/organisation/categories"));
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws Exception {
        Long zhengfuban = idOf("zhengfuban");
        String body = mvc.perform(post("/organisation/people/" + zhengfuban + "/password")
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String oneTime = body.replaceAll("(?s).*class=\"one-time-password\">([^<]+)<.*", "$1");

        var session = (MockHttpSession) mvc.perform(formLogin("/login").user("zhengfuban").password(oneTime))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/organisation").session(session))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", oneTime).param("proposed", "short").param("repeated", "short"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("新密码长度应为10至128位")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", oneTime).param("proposed", "Huangchuan#2027").param("repeated", "Huangchuan#2027"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/organisation").session(session))
                .andExpect(status().isOk());
    }

    private Long idOf(String username) {
        return accounts.loadUserByUsername(username).personId();
    }
}

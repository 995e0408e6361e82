package cn.yuqing.organisation;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.security.SecurityRulesTest;
import cn.yuqing.shared.WallClock;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 等保 level 3, 8.1.4.1 d, through the pages with time moved: an administrator must bind a second
 * factor before anything else, then signs in with password and code; a code is good once, a recovery
 * code once, five wrong codes end the sign-in, and HTTP Basic cannot stand in for the code.
 */
@SecurityRulesTest
class SecondFactorTests {

    private static final Pattern RECOVERY = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    @Autowired
    MockMvc mvc;
    @Autowired
    WallClock wall;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    MutableClock clock;

    private MockHttpSession signIn(String username, String expectedNext) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(DemoPassword.VALUE))
                .andExpect(redirectedUrl(expectedNext)).andReturn().getRequest().getSession(false);
    }

    private String codeNow(String username) {
        String secret = directory.person(username).orElseThrow().pendingOrActiveSecret();
        return Totp.code(Totp.fromBase32(secret), Totp.step(wall.now()), 6);
    }

    private void nextStep() {
        ((MutableClock) wall.clock()).advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    @Test
    void anAdministratorBindsThenSignsInWithTheCodeAndEachCodeIsGoodOnce() throws Exception {
        // bound first: nothing else is served until then
        MockHttpSession session = signIn("shenji", "/");
        mvc.perform(get("/audit").session(session)).andExpect(redirectedUrl("/account/second-factor"));
        mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")))
                .andExpect(content().string(containsString("必须启用动态口令")));
        mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().is(422));
        String done = mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", codeNow("shenji")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> recovery = RECOVERY.matcher(done).results().map(java.util.regex.MatchResult::group).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());

        // the next sign-in asks for the code; the code of a step already used is refused
        nextStep();
        String code = codeNow("shenji");
        MockHttpSession second = signIn("shenji", "/sign-in/second-factor");
        mvc.perform(get("/audit").session(second)).andExpect(redirectedUrl("/sign-in/second-factor"));
        mvc.perform(post("/sign-in/second-factor").session(second).with(csrf()).param("code", "123456"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("还可再试4次")));
        mvc.perform(post("/sign-in/second-factor").session(second).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/audit").session(second)).andExpect(status().isOk());
        MockHttpSession replay = signIn("shenji", "/sign-in/second-factor");
        mvc.perform(post("/sign-in/second-factor").session(replay).with(csrf()).param("code", code)).andExpect(status().is(422));

        // a recovery code stands in for a lost phone, once
        mvc.perform(post("/sign-in/second-factor").session(replay).with(csrf()).param("code", recovery.get(0).toLowerCase()))
                .andExpect(redirectedUrl("/"));
        MockHttpSession again = signIn("shenji", "/sign-in/second-factor");
        mvc.perform(post("/sign-in/second-factor").session(again).with(csrf()).param("code", recovery.get(0)))
                .andExpect(status().is(422));

        // wrong codes count as wrong passwords: the fifth in a row locks the account, whatever new sign-ins came between
        mvc.perform(post("/sign-in/second-factor").session(again).with(csrf()).param("code", "999991"));
        MockHttpSession fresh = signIn("shenji", "/sign-in/second-factor");
        for (int i = 2; i < 4; i++) {
            mvc.perform(post("/sign-in/second-factor").session(fresh).with(csrf()).param("code", "99999" + i));
        }
        mvc.perform(post("/sign-in/second-factor").session(fresh).with(csrf()).param("code", "999995"))
                .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(directory.person("shenji").orElseThrow().isLockedAt(clock.instant())).isTrue();
    }

    /** After the code, a password that has aged (or was reset) is changed next: the two gates do not send each other round. */
    @Test
    void aBoundPersonWhosePasswordAgedChangesItAfterTheCode() throws Exception {
        MockHttpSession session = signIn("zhujian.fuzeren", "/");
        mvc.perform(get("/account/second-factor").session(session));
        mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", codeNow("zhujian.fuzeren")))
                .andExpect(status().isOk());
        nextStep();
        java.time.Instant before = clock.instant();
        clock.advance(Duration.ofDays(91));
        try {
            MockHttpSession later = signIn("zhujian.fuzeren", "/sign-in/second-factor");
            mvc.perform(get("/account/password").session(later)).andExpect(redirectedUrl("/sign-in/second-factor"));
            mvc.perform(post("/sign-in/second-factor").session(later).with(csrf()).param("code", codeNow("zhujian.fuzeren")))
                    .andExpect(redirectedUrl("/"));
            mvc.perform(get("/").session(later)).andExpect(redirectedUrl("/account/password"));
            mvc.perform(get("/account/password").session(later)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("超过规定的使用期限")));
        } finally {
            clock.set(before);
        }
    }

    @Test
    void httpBasicCannotStandInForTheCode() throws Exception {
        mvc.perform(get("/api/audit/verify").with(httpBasic("auditadmin", "Admin-Test-Pa55")))
                .andExpect(status().isUnauthorized()).andExpect(content().string(containsString("须使用动态口令")));
        mvc.perform(get("/api/events").with(httpBasic("yanpan", DemoPassword.VALUE))).andExpect(status().isOk());
    }

    @Test
    void anyoneElseMayChooseItAndTurnItOff() throws Exception {
        MockHttpSession session = signIn("xuanchuan", "/");
        mvc.perform(get("/events").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("必须启用"))));
        mvc.perform(post("/account/second-factor").session(session).with(csrf()).param("code", codeNow("xuanchuan")))
                .andExpect(status().isOk());
        nextStep();
        MockHttpSession next = signIn("xuanchuan", "/sign-in/second-factor");
        mvc.perform(post("/sign-in/second-factor").session(next).with(csrf()).param("code", codeNow("xuanchuan")))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/account/second-factor/remove").session(next).with(csrf())).andExpect(redirectedUrl("/account/second-factor"));
        signIn("xuanchuan", "/");
    }
}

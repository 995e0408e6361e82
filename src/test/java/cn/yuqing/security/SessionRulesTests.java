package cn.yuqing.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.shared.WallClock;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.MutableClock;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 等保 level 3 sessions and passwords, with time moved rather than waited for: a session ends after
 * 30 idle minutes and 12 hours after the sign-in; a password older than 90 days must be changed
 * first; the sign-in before this one is shown, with where it came from.
 */
@SecurityRulesTest
class SessionRulesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    WallClock wall;
    @Autowired
    MutableClock clock;

    private final Instant start = Instant.parse("2027-07-12T00:00:00Z");

    @AfterEach
    void backToTheStart() {
        ((MutableClock) wall.clock()).set(start);
        clock.set(start);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(DemoPassword.VALUE))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private void idle(Duration d) {
        ((MutableClock) wall.clock()).advance(d);
    }

    @Test
    void aSessionIdleForMoreThanThirtyMinutesEnds() throws Exception {
        MockHttpSession session = signIn("yanpan");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        idle(Duration.ofMinutes(29));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        idle(Duration.ofMinutes(31));
        mvc.perform(get("/events").session(session)).andExpect(redirectedUrl("/login?expired"));
        // the session is gone: nothing of the page is served on it again
        mvc.perform(get("/events").session(session))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus()).isIn(302, 401));
        mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("为保护数据已自动退出")));
    }

    /** A page that refreshes itself (the home page's countdowns every minute) does not keep an idle person signed in. */
    @Test
    void aPageRefreshingItselfIsNotThePersonAtWork() throws Exception {
        MockHttpSession session = signIn("yanpan");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            idle(Duration.ofMinutes(10));
            mvc.perform(get("/deadlines/summary").session(session).header("X-Yuqing-Background", "true")).andExpect(status().isOk());
        }
        idle(Duration.ofMinutes(1));
        mvc.perform(get("/deadlines/summary").session(session).header("X-Yuqing-Background", "true").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterTheSignIn() throws Exception {
        MockHttpSession session = signIn("yanpan");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        for (int i = 0; i < 36; i++) {
            idle(Duration.ofMinutes(20));
            mvc.perform(get("/").session(session)).andExpect(status().isOk());
        }
        idle(Duration.ofMinutes(20));
        mvc.perform(get("/").session(session).header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChangedFirst() throws Exception {
        clock.set(start.plus(Duration.ofDays(91)));
        MockHttpSession session = signIn("xianzhang");
        mvc.perform(get("/events").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(content().string(containsString("超过规定的使用期限")));
    }

    @Test
    void theSignInBeforeThisOneIsShownWithWhereItCameFrom() throws Exception {
        MockHttpSession first = signIn("kaohe");
        mvc.perform(get("/").session(first)).andExpect(content().string(containsString("这是您的首次登录")));
        clock.set(start.plus(Duration.ofHours(3)));
        MockHttpSession second = signIn("kaohe");
        mvc.perform(get("/").session(second)).andExpect(content().string(containsString("上次登录：2027-07-12 08:00，来自 127.0.0.1")));
    }
}

package cn.yuqing.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.yuqing.followup.FollowUps;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The forms and calls of follow-up, review, assessment and reports under malformed input, as the
 * analyst and as the assessor (so that a permission is not all that refuses): a 4xx or a refusal on
 * the page, never a 5xx or a stack trace, and nothing half-stored.
 */
@WebTest
class NewFormsHostileInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    FollowUps followUps;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    MutableClock clock;

    static final String HUGE = "舆".repeat(20_000);

    @Test
    void malformedInputIsRefusedWithoutA500AndStoresNothing() throws Exception {
        clock.set(Instant.parse("2027-11-08T02:00:00Z"));
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        OpinionEvent verified = fixtures.verifiedEvent("城东公厕无人保洁", "城东公厕长期无人保洁，气味难闻。");
        OpinionEvent e = opinions.judge(verified.id(), verified.version(), scope, accounts.loadUserByUsername("yanpan"), true,
                Set.of("b"), "ORDINARY", false, "群众关注");
        String id = String.valueOf(e.id());
        List<MockHttpServletRequestBuilder> hostile = List.of(
                post("/events/{id}/follow-up/reassessments", id).param("version", "abc").param("grade", "LARGE").param("consequences", "x"),
                post("/events/{id}/follow-up/reassessments", id).param("version", String.valueOf(e.version())).param("grade", "NO_SUCH")
                        .param("consequences", "x"),
                post("/events/{id}/follow-up/reassessments", id).param("version", String.valueOf(e.version())).param("grade", "LARGE")
                        .param("consequences", HUGE),
                post("/events/{id}/follow-up/guidance", id).param("kind", "<script>").param("source", "x").param("givenAt", "x")
                        .param("content", "x"),
                post("/events/{id}/follow-up/guidance", id).param("kind", "EXPERT_INTERPRETATION").param("source", "'; drop table guidance; --")
                        .param("givenAt", "2027-13-45T99:99").param("content", "x"),
                post("/events/{id}/follow-up/guidance", id).param("kind", "EXPERT_INTERPRETATION").param("source", "专家")
                        .param("givenAt", "2027-11-08T09:00").param("content", HUGE),
                post("/events/{id}/follow-up/reassessments", "../../etc/passwd").param("version", "1"),
                get("/events/{id}/review", "1e9999"),
                get("/events/{id}/follow-up/trend", "-1"),
                get("/assessment/scorecards").param("period", HUGE),
                post("/assessment/notices").param("period", "2027-13"),
                post("/assessment/notices/{id}", "999999").param("version", "0").param("title", "x").param("praise", "x")
                        .param("criticism", "x").param("closing", "x"),
                post("/assessment/accountability").param("kind", "FIRE").param("unitId", "abc").param("heldOn", "明天"),
                post("/assessment/accountability").param("kind", "INTERVIEW").param("unitId", "1").param("reason", HUGE)
                        .param("people", "x").param("heldOn", "2027-11-08"),
                post("/assessment/accountability/thresholds").param("minOnTime", "九十").param("maxMissed", "-5"),
                get("/reports/daily").param("day", "2027-02-30"),
                get("/reports/weekly").param("day", HUGE),
                get("/reports/events/{id}", "abc"),
                get("/dashboard").param("screen", "maybe"),
                post("/api/events/{id}/follow-up/reassessments", id).contentType(MediaType.APPLICATION_JSON).content("{\"version\": "),
                post("/api/events/{id}/follow-up/reassessments", id).contentType(MediaType.APPLICATION_JSON).content("[1, 2, 3]"),
                post("/api/events/{id}/follow-up/guidance", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"SUPERIOR_GUIDANCE\", \"givenAt\": 12, \"source\": \"x\", \"content\": \"x\"}"),
                get("/api/assessment/scorecards").param("period", "<img src=x>"));
        for (MockHttpServletRequestBuilder request : hostile) {
            for (String user : List.of("yanpan", "kaohe")) {
                var result = mvc.perform(request.with(As.person(accounts, user)).with(csrf())).andReturn();
                String what = user + " " + result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
                assertThat(result.getResponse().getStatus()).as(what).isLessThan(500);
                assertThat(result.getResponse().getContentAsString()).as("no stack trace: " + what).doesNotContain("at cn.yuqing")
                        .doesNotContain("Exception");
            }
        }
        assertThat(followUps.reassessments(e.id(), scope)).as("nothing half-stored").isEmpty();
        assertThat(followUps.guidance(e.id(), scope)).isEmpty();
        assertThat(opinions.require(e.id(), scope).grade()).isEqualTo("ORDINARY");
    }
}

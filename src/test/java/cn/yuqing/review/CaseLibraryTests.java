package cn.yuqing.review;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The library of past cases (issue 20): search within scope, and the past events like one. */
@WebTest
class CaseLibraryTests {

    @Autowired
    CaseLibrary library;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    @Test
    void aPastTalkingPointIsFoundWithinScopeAndLikeEventsAreListed() throws Exception {
        clock.set(Instant.parse("2027-09-01T02:00:00Z"));
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = As.scopeOf(directory, "yanpan");
        OpinionEvent past = fixtures.judgedEvent("城东锦绣花园天然气调压箱漏气", MatterKind.MAJOR_PROBLEM, "ORDINARY", false);
        opinions.addTalkingPoints(past.id(), scope, analyst, "燃气公司已关闭调压箱总阀，抢修人员到场，居民可在社区服务中心临时做饭。<b>x</b>");
        OpinionEvent road = fixtures.judgedEvent("春申街道人行道砖块松动", MatterKind.DIFFICULTY, "ORDINARY", false);
        OpinionEvent now = fixtures.judgedEvent("城西锦绣花园天然气调压箱又漏气", MatterKind.MAJOR_PROBLEM, "ORDINARY", false);

        assertThat(library.search("总阀 临时做饭", null, null, null, scope)).extracting(h -> h.event().id()).containsExactly(past.id());
        assertThat(library.search("总阀", null, null, null, scope).get(0).field()).isEqualTo("口径");
        assertThat(library.search("总阀", MatterKind.DIFFICULTY, null, null, scope)).isEmpty();
        assertThat(library.search("总阀", null, null, null, As.scopeOf(directory, "xuezi.huiying")))
                .as("a township's responder does not see the county's events").isEmpty();

        // the fixtures' events share their verification text, so the sidewalk may pass the line; the leak ranks above it
        var alike = library.similar(now.id(), scope, 5).stream().map(s -> s.event().id()).toList();
        assertThat(alike).contains(past.id()).doesNotContain(now.id());
        assertThat(alike.contains(road.id()) ? alike.indexOf(past.id()) < alike.indexOf(road.id()) : true).isTrue();

        mvc.perform(get("/library").param("q", "总阀").with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("城东锦绣花园天然气调压箱漏气")))
                .andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>x</b>"))));
        mvc.perform(get("/library").param("kind", "NO_SUCH_KIND").with(As.person(accounts, "yanpan")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/library").param("q", "总阀").with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].eventId").value(past.id())).andExpect(jsonPath("$[0].field").value("口径"));
        mvc.perform(get("/api/events/{id}/similar", now.id()).with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"eventId\":" + past.id() + ",")));
        mvc.perform(get("/events/{id}/similar", now.id()).with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("城东锦绣花园天然气调压箱漏气")));
        mvc.perform(get("/events/{id}/similar", now.id()).with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isNotFound());
    }
}

package cn.yuqing.opinion;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The event pages drive the same service: each step a form, refusals shown with their clause. */
@WebTest
class EventPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.organisation.OrganisationDirectory directory;

    private Long candidate(String text) {
        return fixtures.candidate(text);
    }

    @Test
    void anAnalystTakesAnEventFromCandidateToJudgementThroughThePages() throws Exception {
        Long candidate = candidate("上油岗乡敬老院冬季取暖设备损坏，老人们夜里受冻，希望民政部门尽快解决。");
        String location = mvc.perform(post("/events").param("candidateId", candidate.toString())
                        .with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(redirectedUrlPattern("/events/*")).andReturn().getResponse().getRedirectedUrl();
        Long id = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("开始核实（第4.2条）")));

        long v = opinions.require(id, DataScope.installation()).version();
        mvc.perform(post(location + "/steps/judge").param("version", Long.toString(v)).param("key", "true")
                        .param("grade", "LARGE").param("reasons", "越级研判").with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("当前状态为“已收集”，不能研判为重点回应")));

        mvc.perform(post(location + "/steps/start-verification").param("version", Long.toString(v))
                .with(As.person(accounts, "yanpan")).with(csrf()));
        v = opinions.require(id, DataScope.installation()).version();
        mvc.perform(post(location + "/steps/verify").param("version", Long.toString(v)).param("facts", "经核实，锅炉损坏属实")
                .param("conclusion", "TRUE").param("kind", "DIFFICULTY").with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(flash().attribute("notice", "已保存"));
        v = opinions.require(id, DataScope.installation()).version();
        mvc.perform(post(location + "/steps/judge").param("version", Long.toString(v)).param("key", "true")
                        .param("grade", "LARGE").param("reasons", "涉及老人冬季取暖").with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(flash().attribute("error", "（第4.3条）重点回应须至少符合一项研判标准"));
        mvc.perform(post(location + "/steps/judge").param("version", Long.toString(v)).param("key", "true")
                .param("criteria", "b").param("grade", "LARGE").param("reasons", "涉及老人冬季取暖")
                .with(As.person(accounts, "yanpan")).with(csrf())).andExpect(flash().attribute("notice", "已保存"));
        assertThat(opinions.require(id, DataScope.installation()).state()).isEqualTo(EventState.JUDGED);

        mvc.perform(get(location).with(As.person(accounts, "yanpan")))
                .andExpect(content().string(containsString("较大")))
                .andExpect(content().string(containsString("按系统认定确定责任主体")))
                .andExpect(content().string(containsString("研判为重点回应")));
        mvc.perform(get("/events").with(As.person(accounts, "yanpan")))
                .andExpect(content().string(containsString("上油岗乡敬老院")));
    }

    @Test
    void aResponderCannotChangeAnEventAndAnotherTownshipCannotSeeIt() throws Exception {
        Long candidate = candidate("张集乡集镇路灯全部不亮，晚上一片漆黑。");
        var e = opinions.open(candidate, DataScope.installation(), accounts.loadUserByUsername("yanpan"));
        mvc.perform(post("/events/" + e.id() + "/steps/start-verification").param("version", Long.toString(e.version()))
                .with(As.person(accounts, "xuezi.huiying")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/events/" + e.id()).with(As.person(accounts, "sanpi.huiying"))).andExpect(status().isNotFound());
    }

    /**
     * Issue 21: the event admits its record to whoever it admits — a party unit sees the evidence
     * and its order's event title in its inbox, the county analyst the names of the city's people it
     * was reported to — without the page borrowing the installation's scope to find them.
     */
    @Test
    void aPartyReadsTheEventsRecordThroughTheEventItself() throws Exception {
        OpinionEvent e = fixtures.judgedEvent("城区老旧小区外墙脱落砸坏车辆", MatterKind.MAJOR_PROBLEM, "MAJOR", true);
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = As.scopeOf(directory, "yanpan");
        opinions.addTalkingPoints(e.id(), scope, analyst, "已组织排查全县老旧小区外墙");
        e = opinions.require(e.id(), scope);
        e = opinions.flag(e.id(), e.version(), scope, analyst, true, true);
        opinions.makePlan(e.id(), e.version(), scope, analyst, "政务微博", "现场处置");
        var recipients = opinions.reports(e.id()).stream().map(WarningReport::recipientId).distinct().toList();
        assertThat(recipients).isNotEmpty();

        mvc.perform(get("/events/" + e.id()).with(As.person(accounts, "zhujian.huiying"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("舆情信息（<span>1</span>条")));
        String page = mvc.perform(get("/events/" + e.id()).with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (Long r : recipients) {
            assertThat(page).contains(directory.person(r).orElseThrow().fullName());
        }
        mvc.perform(get("/work-orders").with(As.person(accounts, "zhujian.huiying"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("城区老旧小区外墙脱落砸坏车辆")));
        mvc.perform(get("/events/" + e.id()).with(As.person(accounts, "sanpi.huiying"))).andExpect(status().isNotFound());
    }

    @Test
    void theJsonApiRunsTheSameWorkflowUnderTheSamePermissionsAndScope() throws Exception {
        Long candidate = candidate("来龙乡中心学校校车超载，家长拍视频发到网上。");
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("yanpan", cn.yuqing.support.DemoPassword.VALUE);
        String body = mvc.perform(post("/api/events").with(basic).contentType("application/json")
                        .content("{\"candidateId\": " + candidate + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Long id = Long.valueOf(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        long v = opinions.require(id, DataScope.installation()).version();
        mvc.perform(post("/api/events/" + id + "/steps/start-verification").with(basic).contentType("application/json")
                        .content("{\"version\": " + v + "}"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state").value("VERIFYING"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.possibleSteps[0]")
                        .value("verify"));
        mvc.perform(post("/api/events/" + id + "/steps/start-verification").with(basic).contentType("application/json")
                        .content("{\"version\": " + v + "}"))
                .andExpect(status().is(422))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(containsString("已被他人修改")));
        mvc.perform(post("/api/events/" + id + "/steps/verify").with(basic).contentType("application/json")
                        .content("{\"version\": \"x\"}"))
                .andExpect(status().is(422));
        mvc.perform(post("/api/events/" + id + "/steps/verify").with(basic).contentType("application/json").content("{oops"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/events/" + id).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("sanpi.huiying", cn.yuqing.support.DemoPassword.VALUE)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/events/" + id + "/steps/verify").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("xuezi.huiying", cn.yuqing.support.DemoPassword.VALUE))
                        .contentType("application/json").content("{\"version\": 1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDescribedInOpenApiForSignedInCallers() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("yanpan", cn.yuqing.support.DemoPassword.VALUE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/events/{id}/steps/{step}")))
                .andExpect(content().string(containsString("/api/intake/items")))
                .andExpect(content().string(containsString("舆情回应平台 API")));
    }
}

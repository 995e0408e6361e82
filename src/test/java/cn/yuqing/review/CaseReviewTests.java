package cn.yuqing.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.yuqing.followup.FollowUps;
import cn.yuqing.followup.Guidance;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.EventState;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.Times;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review of 4.6: timeline, clocks met or missed, effect of the response, and closing from it. */
@WebTest
class CaseReviewTests {

    @Autowired
    CaseReviews reviews;
    @Autowired
    FollowUps followUps;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.opinion.EventRouting routing;
    @Autowired
    Releases releases;
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
    void theReviewTellsTheStoryFromTheRecordAndTheEventClosesFromIt() throws Exception {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        SignedInPerson office = accounts.loadUserByUsername("zhengfuban");
        DataScope scope = As.scopeOf(directory, "yanpan");
        Instant t0 = Instant.parse("2027-10-11T01:00:00Z");
        clock.set(t0);
        OpinionEvent e = fixtures.verifiedEvent("县第一中学食堂食物中毒传言", "县第一中学食堂食物中毒，多名学生送医。");
        Long housing = directory.unitsIn("411526").stream().filter(u -> u.name().equals("潢川县住房和城乡建设局")).findFirst()
                .orElseThrow().id();
        e = routing.override(e.id(), e.version(), scope, analyst, housing, null, null, "测试指定");
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("d"), "MAJOR", true, "涉及学生健康");
        opinions.addTalkingPoints(e.id(), scope, analyst, "已送医观察，均无大碍，食品样本已送检。");
        clock.set(t0.plus(Duration.ofHours(1)));
        for (int i = 1; i <= 3; i++) {
            fixtures.addItem(e.candidateId(), "一中食堂第" + i + "批学生呕吐，家长很担心");
        }
        e = opinions.makePlan(opinions.require(e.id(), scope).id(), opinions.require(e.id(), scope).version(), scope, analyst,
                "县政府网站、官方微博", "发布情况通报");
        e = opinions.startResponse(e.id(), e.version(), scope, analyst);

        clock.set(t0.plus(Duration.ofHours(2)));
        Release r = releases.firstDraft(e.id(), scope, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT);
        r = releases.review(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office, "同意");
        r = releases.signOff(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office);
        releases.publish(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office);
        clock.set(t0.plus(Duration.ofHours(4)));
        fixtures.addItem(e.candidateId(), "一中食堂的事情说清楚了，放心了");
        clock.set(t0.plus(Duration.ofHours(6)));
        e = opinions.require(e.id(), scope);
        followUps.reassess(e.id(), e.version(), scope, analyst, "MAJOR", true, "热度下降，影响可控", null);
        followUps.record(e.id(), scope, analyst, Guidance.Kind.PUBLICITY_GUIDANCE, "县委宣传部", clock.instant(),
                "<img src=x onerror=alert(1)>请及时公布检测结果", null);
        e = opinions.startFollowUp(e.id(), e.version(), scope, analyst);
        clock.set(t0.plus(Duration.ofHours(26)));

        CaseReview review = reviews.of(e.id(), scope);
        assertThat(review.effect().firstRelease()).isEqualTo(t0.plus(Duration.ofHours(2)));
        assertThat(review.effect().before().items()).as("the first post and three more before the statement").isEqualTo(4);
        assertThat(review.effect().before().hours()).as("from first knowledge, not a full day").isEqualTo(2.0);
        assertThat(review.effect().after().items()).isEqualTo(1);
        assertThat(review.effect().after().hours()).isEqualTo(24.0);
        assertThat(review.effect().verdict()).contains("由每小时2.0条变为0.0条（下降98%）");
        assertThat(review.timeline()).isSortedAccordingTo(Comparator.comparing(CaseReview.Moment::at));
        assertThat(review.timeline()).extracting(CaseReview.Moment::kind)
                .contains("办理", "时限", "回应", "跟进研判", "宣传部门指导意见");
        assertThat(review.timeline()).anyMatch(m -> m.kind().equals("时限") && m.text().startsWith("权威信息发布（5小时）完成"));
        assertThat(review.draft()).contains("研判为重大舆情（涉及突发事件）").contains("共发布回应1次")
                .contains("按时完成 1 项").contains("研判复核1次").contains("四、回应效果：首次发布后信息量");
        assertThat(review.duties()).extracting(d -> d.text()).as("the 24 h press conference never held, the order never accepted")
                .containsExactlyInAnyOrder("新闻发布会（24小时，已超时 2小时）尚未完成", "潢川县住房和城乡建设局尚未签收任务单");

        // the response index, worked by hand from the record above
        ResponseIndex ix = review.index();
        assertThat(ix.dimensions()).extracting(ResponseIndex.Dimension::name)
                .containsExactly("政府响应", "信息透明度", "政府公信力", "恢复秩序", "动态反应", "官员问责");
        // the 5-hour statement clock from t0, the statement published at t0 + 2 h: 10 − 8 × 120/300
        assertThat(ix.dimensions().get(0).score()).isEqualTo(6.8);
        assertThat(ix.dimensions().get(0).basis()).contains("权威信息发布（5小时").contains("用时2小时");
        // the first draft tells the facts (经核实), the progress (目前) and the handling (调查处置): 3 × 4 − 10
        assertThat(ix.dimensions().get(1).score()).isEqualTo(2.0);
        assertThat(ix.dimensions().get(1).basis()).contains("涵盖：事实、进展、处置").contains("未涉及：原因、问责");
        // four items before the statement, one after: too few to compare
        assertThat(ix.dimensions().get(2).score()).isNull();
        assertThat(ix.dimensions().get(2).basis()).contains("发布前4条、发布后1条");
        // 24 hours after the statement: not yet 72
        assertThat(ix.dimensions().get(3).score()).isNull();
        assertThat(ix.dimensions().get(4).score()).as("no continued release, not yet 48 hours").isEqualTo(0.0);
        // a true major problem and no handling or accountability announced
        assertThat(ix.dimensions().get(5).score()).isEqualTo(-3.0);
        assertThat(ix.total()).isEqualTo(5.8);
        assertThat(ix.band()).isEqualTo(ResponseIndex.Band.RED);
        assertThat(ix.uncomputed()).isEqualTo(2);

        String page = mvc.perform(get("/events/{id}/review", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不再办理的理由").contains("data-trend").contains("回应指数").contains("红色")
                .contains("无法计算");
        mvc.perform(get("/events/{id}/review", e.id()).with(As.person(accounts, "xuezi.huiying"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/events/{id}/review", e.id()).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.clocks")
                        .value("按时完成 1 项，超时完成 0 项，超时未完成 0 项"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.openDuties.length()").value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.index.total").value(5.8))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.index.band").value("RED"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.index.dimensions[0].score").value(6.8))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.index.dimensions[2].score").doesNotExist());
        mvc.perform(get("/api/events/{id}/review", e.id()).with(As.person(accounts, "xuezi.huiying"))).andExpect(status().isNotFound());

        MockHttpServletRequestBuilder close = post("/events/{id}/steps/close", e.id()).with(As.person(accounts, "yanpan"))
                .with(csrf()).param("version", String.valueOf(e.version())).param("review", review.draft());
        mvc.perform(close).andExpect(status().is3xxRedirection());
        assertThat(opinions.require(e.id(), scope).state()).as("not without the waivers").isEqualTo(EventState.FOLLOWING_UP);
        review.duties().forEach(d -> close.param("waive." + d.key(), "已在家长会上当面说明，不再办理"));
        mvc.perform(close).andExpect(status().is3xxRedirection());
        OpinionEvent closed = opinions.require(e.id(), scope);
        assertThat(closed.state()).isEqualTo(EventState.CLOSED);
        assertThat(closed.review()).startsWith("一、基本情况：县第一中学食堂食物中毒传言");

        clock.set(t0.plus(Duration.ofDays(10)));
        CaseReview after = reviews.of(e.id(), scope);
        assertThat(after.clocks().summary()).isEqualTo("按时完成 1 项，超时完成 0 项，超时未完成 1 项");
        assertThat(after.effect().after().hours()).as("the window ends at closing, not at reading").isEqualTo(24.0);
        assertThat(after.duties()).isEmpty();
        // closed: the items stopped at 4 h (peak 3 an hour at 1 h), so from 5 h on 24 quiet hours: died down 3 h after the statement
        assertThat(after.index().dimensions().get(3).score()).isEqualTo(5.0);
        assertThat(after.index().dimensions().get(3).basis()).contains("峰值每小时3条").contains("首次发布后3小时");
        assertThat(after.index().total()).isEqualTo(10.8);
        assertThat(after.index().band()).isEqualTo(ResponseIndex.Band.ORANGE);
        assertThat(LocalDateTime.ofInstant(after.effect().firstRelease(), Times.ZONE).getHour()).isEqualTo(11);
    }
}

package cn.yuqing.response;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Releases of 4.4: drafting, the talking-points check, review and sign-off, publication and its clocks, the public page. */
@WebTest
class ResponseTests {

    @Autowired
    Releases releases;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    Deadlines deadlines;
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

    SignedInPerson analyst;
    DataScope analystScope;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2027-08-10T01:00:00Z"));
        analyst = accounts.loadUserByUsername("yanpan");
        analystScope = As.scopeOf(directory, "yanpan");
    }

    /** Judged with the grade, routed to the 住建局, with talking points. */
    OpinionEvent event(String title, MatterKind kind, String grade, boolean emergency, String talkingPoints) {
        OpinionEvent e = fixtures.judgedEvent(title, kind, grade, emergency);
        opinions.addTalkingPoints(e.id(), analystScope, analyst, talkingPoints);
        return opinions.require(e.id(), analystScope);
    }

    Release through(Release r, String reviewer, String signer) {
        r = releases.review(r.id(), r.version(), As.scopeOf(directory, reviewer), accounts.loadUserByUsername(reviewer), "同意");
        return releases.signOff(r.id(), r.version(), As.scopeOf(directory, signer), accounts.loadUserByUsername(signer));
    }

    Deadline clockOf(OpinionEvent e, ClockKind kind) {
        return deadlines.board(e.id(), DataScope.installation()).deadlines().stream().filter(d -> d.clock() == kind)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void eachReleaseKindAnswersItsClocks() {
        assertThat(ClockKind.answeredBy(ReleaseKind.AUTHORITATIVE_STATEMENT)).contains(ClockKind.STATEMENT, ClockKind.RESPONSE);
        assertThat(ClockKind.answeredBy(ReleaseKind.PRESS_CONFERENCE)).contains(ClockKind.PRESS_CONFERENCE, ClockKind.STATEMENT);
        for (ReleaseKind kind : ReleaseKind.values()) {
            assertThat(ClockKind.answeredBy(kind)).as(kind.label()).contains(ClockKind.RESPONSE);
        }
        assertThat(ReleaseKind.INDIVIDUAL_REPLY.publicRelease()).isFalse();
    }

    @Test
    void onlyPublicationStopsTheClockAndTheMajorEventNeedsTheGovernmentOfficesSignature() {
        OpinionEvent e = event("自来水厂管网爆裂全城停水", MatterKind.MAJOR_PROBLEM, "MAJOR", true, "正在全力抢修，预计今晚恢复供水。已设临时供水点。");
        Release r = releases.firstDraft(e.id(), analystScope, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT);
        assertThat(r.title()).isEqualTo("关于" + e.title() + "的情况通报");
        assertThat(r.text()).contains("经核实情况属实").contains("正在全力抢修").contains("潢川县住房和城乡建设局");

        assertThatThrownBy(() -> releases.review(r.id(), r.version(), analystScope, analyst, "自己审"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("起草人以外");
        Release reviewed = releases.review(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), accounts.loadUserByUsername("zhengfuban"), "同意");
        assertThatThrownBy(() -> releases.signOff(reviewed.id(), reviewed.version(), As.scopeOf(directory, "zhujian.fuzeren"),
                accounts.loadUserByUsername("zhujian.fuzeren")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("政府办公室、宣传部门或主要负责同志签发");
        Release signed = releases.signOff(reviewed.id(), reviewed.version(), As.scopeOf(directory, "zhengfuban"), accounts.loadUserByUsername("zhengfuban"));
        assertThat(clockOf(e, ClockKind.STATEMENT).status()).as("signed off is not published").isEqualTo(Deadline.Status.RUNNING);

        clock.advance(Duration.ofHours(2));
        releases.publish(signed.id(), signed.version(), analystScope, analyst);
        assertThat(clockOf(e, ClockKind.STATEMENT).status()).isEqualTo(Deadline.Status.MET);
        assertThat(clockOf(e, ClockKind.PRESS_CONFERENCE).status()).isEqualTo(Deadline.Status.RUNNING);
        assertThat(clockOf(e, ClockKind.FOLLOW_UP).status()).isEqualTo(Deadline.Status.RUNNING);
    }

    @Test
    void anOrdinaryEventIsSignedOffByTheResponsibleUnitsHead() {
        OpinionEvent e = event("小区电梯长期停运", MatterKind.DIFFICULTY, "ORDINARY", false, "已责令物业三日内修复电梯。");
        Release r = releases.firstDraft(e.id(), analystScope, analyst, ReleaseKind.PORTAL_NOTICE);
        r = through(r, "zhengfuban", "zhujian.fuzeren");
        assertThat(r.signedOffBy()).isEqualTo("zhujian.fuzeren");
        releases.publish(r.id(), r.version(), analystScope, analyst);
        assertThat(clockOf(e, ClockKind.RESPONSE).status()).isEqualTo(Deadline.Status.MET);
    }

    @Test
    void everyKindOfMatterGetsItsFirstDraftInItsOwnWording() {
        for (MatterKind kind : MatterKind.values()) {
            OpinionEvent e = event("第" + kind.ordinal() + "类：城区道路改造", kind, "ORDINARY", false, "改造工程将于年底完工。");
            Release r = releases.firstDraft(e.id(), analystScope, analyst, ReleaseKind.PRESS_RELEASE);
            assertThat(r.text()).as(kind.label()).contains("改造工程将于年底完工").contains("经核实情况属实");
            assertThat(r.title()).contains(e.title());
            switch (kind) {
                case SUGGESTION -> assertThat(r.text()).contains("采纳情况");
                case DIFFICULTY -> assertThat(r.text()).contains("研究解决情况");
                case MAJOR_PROBLEM -> assertThat(r.text()).contains("调查处置");
                case CONFUSION -> assertThat(r.title()).contains("说明");
                case FALSE_CLAIM -> assertThat(r.text()).contains("不信谣、不传谣");
            }
        }
    }

    @Test
    void aDraftThatOmitsOrContradictsTheTalkingPointsIsFlaggedWithThePassagesSideBySide() {
        OpinionEvent e = event("学校食堂食材变质", MatterKind.MAJOR_PROBLEM, "LARGE", false,
                "涉事食堂已停业整顿。学生身体状况良好，无人住院。");
        Release faithful = releases.draft(e.id(), analystScope, analyst, ReleaseKind.PRESS_RELEASE, "情况通报",
                "经查，涉事食堂已停业整顿。目前学生身体状况良好，无人住院。", "县政府网站", null, false);
        assertThat(releases.read(faithful.id(), analystScope).flagged()).isFalse();

        Release contradicting = releases.draft(e.id(), analystScope, analyst, ReleaseKind.PRESS_RELEASE, "情况通报",
                "经查，涉事食堂未停业整顿。", "县政府网站", null, false);
        Releases.Reviewed check = releases.read(contradicting.id(), analystScope);
        assertThat(check.flagged()).isTrue();
        assertThat(check.findings()).extracting(TalkingPointsCheck.Finding::kind)
                .containsExactly(TalkingPointsCheck.Finding.Kind.CONTRADICTED, TalkingPointsCheck.Finding.Kind.OMITTED);
        assertThat(check.findings().get(0).passage()).isEqualTo("经查，涉事食堂未停业整顿");
    }

    @Test
    void cluesOfIllegalActsBehindAFalseClaimAreReferredOnRecord() {
        OpinionEvent rumour = event("网传县城区发生枪击", MatterKind.FALSE_CLAIM, "LARGE", false, "该信息不实。");
        Referral r = releases.refer(rumour.id(), analystScope, analyst, Referral.Recipient.POLICE,
                "发帖账号、截图及传播路径", "县公安局网安大队接收", null);
        assertThat(releases.referrals(rumour.id(), analystScope)).extracting(Referral::id).containsExactly(r.id());
        OpinionEvent real = event("城区路灯损坏", MatterKind.DIFFICULTY, "ORDINARY", false, "正在维修。");
        assertThatThrownBy(() -> releases.refer(real.id(), analystScope, analyst, Referral.Recipient.CYBERSPACE, "线索", null, null))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("错误看法");
    }

    @Test
    void thePublicPageShowsOnlyPublishedPublicReleasesEscaped() throws Exception {
        OpinionEvent e = event("<script>alert(1)</script>河堤渗水", MatterKind.CONFUSION, "ORDINARY", false, "河堤安全，已加固。");
        Release published = through(releases.firstDraft(e.id(), analystScope, analyst, ReleaseKind.PORTAL_NOTICE),
                "zhengfuban", "zhujian.fuzeren");
        releases.publish(published.id(), published.version(), analystScope, analyst);
        Release draft = releases.draft(e.id(), analystScope, analyst, ReleaseKind.PRESS_RELEASE, "内部草稿标题甲乙丙",
                "尚未审核的内容", "县政府网站", null, false);
        Release reply = through(releases.draft(e.id(), analystScope, analyst, ReleaseKind.INDIVIDUAL_REPLY, "致张先生的答复丁戊",
                "张先生：您反映的问题已处理。", "电话", null, false), "zhengfuban", "zhujian.fuzeren");
        releases.publish(reply.id(), reply.version(), analystScope, analyst);

        mvc.perform(get("/public/responses"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;河堤渗水")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("内部草稿标题甲乙丙"))))
                .andExpect(content().string(not(containsString("致张先生的答复丁戊"))))
                .andExpect(content().string(not(containsString("yanpan"))));
        mvc.perform(get("/public/responses.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + published.id())))
                .andExpect(content().string(not(containsString("内部草稿标题甲乙丙"))))
                .andExpect(content().string(not(containsString("致张先生"))));
        mvc.perform(get("/public/responses.atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/public/responses/" + published.id())))
                .andExpect(content().string(not(containsString("内部草稿标题甲乙丙"))));
        mvc.perform(get("/public/responses/{id}", draft.id())).andExpect(status().isNotFound());
        mvc.perform(get("/public/responses/{id}", reply.id())).andExpect(status().isNotFound());
        mvc.perform(get("/public/responses/{id}", published.id())).andExpect(status().isOk());
    }

    @Test
    void aPressConferenceIsScheduledHeldAndItsReleaseAnswersTheTwentyFourHourClockWhenPublished() {
        OpinionEvent e = event("化工园区爆燃事故", MatterKind.MAJOR_PROBLEM, "ESPECIALLY_MAJOR", true, "事故原因正在调查。伤员已全部送医救治。");
        PressConference p = releases.schedule(e.id(), analystScope, analyst, clock.instant().plus(Duration.ofHours(6)), "县政府新闻发布厅",
                "何明（县长）", true, "问：有无人员死亡？答：以调查组通报为准。");
        assertThat(releases.conferences(e.id(), analystScope)).extracting(PressConference::status)
                .containsExactly(PressConference.Status.SCHEDULED);
        assertThatThrownBy(() -> releases.held(p.id(), analystScope, analyst, " "))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("实际情况");

        clock.advance(Duration.ofHours(6));
        PressConference held = releases.held(p.id(), analystScope, analyst, "县长通报事故救援情况。事故原因正在调查，伤员已全部送医救治。");
        Release r = releases.read(held.releaseId(), analystScope).release();
        assertThat(r.kind()).isEqualTo(ReleaseKind.PRESS_CONFERENCE);
        assertThat(r.principalLeader()).isTrue();
        assertThat(clockOf(e, ClockKind.PRESS_CONFERENCE).status()).isEqualTo(Deadline.Status.RUNNING);
        r = through(r, "zhengfuban", "xianzhang");
        releases.publish(r.id(), r.version(), analystScope, analyst);
        assertThat(clockOf(e, ClockKind.PRESS_CONFERENCE).status()).isEqualTo(Deadline.Status.MET);
        assertThat(clockOf(e, ClockKind.STATEMENT).status()).isEqualTo(Deadline.Status.MET);
    }

    @Test
    void theSameRulesHoldThroughTheJsonApi() throws Exception {
        OpinionEvent e = event("城区积水点排涝不及时", MatterKind.DIFFICULTY, "ORDINARY", false, "已增派排涝泵车。");
        String created = mvc.perform(post("/api/events/{id}/releases", e.id()).with(cn.yuqing.support.As.person(accounts, "yanpan"))
                        .contentType("application/json").content("{\"kind\":\"OFFICIAL_ACCOUNT\",\"firstDraft\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/releases/{id}/review", id).with(cn.yuqing.support.As.person(accounts, "yanpan"))
                        .contentType("application/json").content("{\"version\":0}"))
                .andExpect(status().isForbidden());
        String own = mvc.perform(post("/api/events/{id}/releases", e.id()).with(cn.yuqing.support.As.person(accounts, "zhengfuban"))
                        .contentType("application/json").content("{\"kind\":\"PRESS_RELEASE\",\"firstDraft\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/releases/{id}/review", Long.parseLong(own.replaceAll(".*?\"id\":(\\d+).*", "$1")))
                        .with(cn.yuqing.support.As.person(accounts, "zhengfuban"))
                        .contentType("application/json").content("{\"version\":0}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("起草人以外")));
        mvc.perform(post("/api/releases/{id}/review", id).with(cn.yuqing.support.As.person(accounts, "zhengfuban"))
                        .contentType("application/json").content("{\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"));
        mvc.perform(post("/api/releases/{id}/sign-off", id).with(cn.yuqing.support.As.person(accounts, "zhujian.huiying"))
                        .contentType("application/json").content("{\"version\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/releases/{id}", id).with(cn.yuqing.support.As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.talkingPoints[0].verdict").value("CARRIED"));
        mvc.perform(post("/api/events/{id}/releases", e.id()).with(cn.yuqing.support.As.person(accounts, "yanpan"))
                        .contentType("application/json").content("{\"kind\":\"TELEGRAM\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("kind 应为")));
    }
    /**
     * Proofreading before sign-off: the wrong county head, an official no longer in office and a
     * sensitive word are flagged three times; sign-off waits until each is let pass with a reason.
     */
    @Test
    void aReleaseWithTheWrongCountyHeadARemovedOfficialAndASensitiveWordWaitsForEachToBeHandled() throws Exception {
        var office = cn.yuqing.support.As.person(accounts, "zhengfuban");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/responses/proofreading").with(office).with(csrf)
                        .param("kind", "FORMER_OFFICIAL").param("term", "刘卫国").param("note", "2026年6月已免职"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/responses/proofreading").with(office).with(csrf).param("kind", "SENSITIVE_WORD").param("term", "维稳"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/responses/proofreading").with(cn.yuqing.support.As.person(accounts, "yanpan")).with(csrf)
                        .param("kind", "SENSITIVE_WORD").param("term", "别的词"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/responses/proofreading").with(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年6月已免职")));

        OpinionEvent e = event("县城老旧小区燃气管道泄漏", MatterKind.MAJOR_PROBLEM, "ORDINARY", false, "已关闭阀门，无人员伤亡。");
        Release r = releases.draft(e.id(), analystScope, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT, "关于燃气管道泄漏的情况通报",
                "县长张伟表示，已关闭阀门，无人员伤亡。原县燃气公司负责人刘卫国配合调查，维稳工作同步开展。", "潢川县人民政府网站", null, false);
        Release reviewed = releases.review(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"),
                accounts.loadUserByUsername("zhengfuban"), "同意");
        String json = mvc.perform(get("/api/releases/{id}", r.id()).with(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proofreading.length()").value(3))
                .andExpect(jsonPath("$.proofreading[0].kind").value("LEADER"))
                .andExpect(jsonPath("$.proofreading[0].advice").value(containsString("何明")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"found\":\"刘卫国\"").contains("\"found\":\"维稳\"");

        mvc.perform(post("/api/releases/{id}/sign-off", r.id()).with(office)
                        .contentType("application/json").content("{\"version\":" + reviewed.version() + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("校对发现3处问题尚未处理")));
        mvc.perform(post("/api/releases/{id}/proofreading-pass", r.id()).with(office)
                        .contentType("application/json").content("{\"finding\":\"LEADER:县长张伟\",\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("放行须说明理由")));
        // the author may not let the findings of a draft pass, even holding the right to sign off others
        Release own = releases.draft(e.id(), As.scopeOf(directory, "zhengfuban"), accounts.loadUserByUsername("zhengfuban"),
                ReleaseKind.PRESS_RELEASE, "新闻通稿", "县长张伟表示，已关闭阀门。", "潢川县人民政府网站", null, false);
        mvc.perform(post("/api/releases/{id}/proofreading-pass", own.id()).with(office)
                        .contentType("application/json").content("{\"finding\":\"LEADER:县长张伟\",\"reason\":\"经核实，按原文引用\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("起草人以外")));
        for (String finding : java.util.List.of("LEADER:县长张伟", "FORMER_OFFICIAL:刘卫国", "SENSITIVE_WORD:维稳")) {
            mvc.perform(post("/api/releases/{id}/proofreading-pass", r.id()).with(office)
                            .contentType("application/json").content("{\"finding\":\"" + finding + "\",\"reason\":\"经核实，按原文引用\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/releases/{id}", r.id()).with(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已放行：经核实，按原文引用")));
        mvc.perform(post("/api/releases/{id}/sign-off", r.id()).with(office)
                        .contentType("application/json").content("{\"version\":" + reviewed.version() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
    }

    /** A release that does not mention what its event's items are mostly about is flagged with that concern. */
    @Test
    void aReleaseThatLeavesOutTheMainConcernIsFlaggedWithIt() throws Exception {
        OpinionEvent e = fixtures.judgedEvent("春申街道窨井盖缺失", MatterKind.DIFFICULTY, "ORDINARY", false);
        Release r = releases.draft(e.id(), analystScope, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT, "工作动态",
                "县委县政府高度重视，召开专题会研究部署，强调要压实责任。", "潢川县人民政府网站", null, false);
        mvc.perform(get("/api/releases/{id}", r.id()).with(cn.yuqing.support.As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.concerns.flagged").value(true))
                .andExpect(jsonPath("$.concerns.workNews").value(true))
                .andExpect(jsonPath("$.concerns.uncovered[0]").value(org.hamcrest.Matchers.notNullValue()));
        mvc.perform(get("/releases/{id}", r.id()).with(cn.yuqing.support.As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("稿件没有提到群众最关心的")));
    }

    /** 4.4: a release carries its files while a draft; the public sees them only once it is published. */
    @Test
    void aReleaseCarriesItsAttachmentsToThePublicOnlyOncePublished() throws Exception {
        OpinionEvent e = event("老旧小区供暖不热", MatterKind.DIFFICULTY, "ORDINARY", false, "已安排检修，三日内恢复。");
        Release r = releases.firstDraft(e.id(), analystScope, analyst, ReleaseKind.PORTAL_NOTICE);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/releases/{id}/attachments", r.id())
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "../../检修现场<b>.png", "image/png", png))
                        .with(cn.yuqing.support.As.person(accounts, "yanpan"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/releases/{id}/attachments", r.id())
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "setup.exe", "image/png", "MZ\u0090\u0000".getBytes()))
                        .with(cn.yuqing.support.As.person(accounts, "yanpan"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
                        containsString("不是图片")));
        var attached = releases.attachments(r.id(), analystScope);
        assertThat(attached).extracting(ReleaseAttachment::fileName).containsExactly("检修现场<b>.png");
        Long id = attached.get(0).id();
        mvc.perform(get("/public/responses/attachments/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/release-attachments/{id}", id).with(cn.yuqing.support.As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/release-attachments/{id}", id).with(cn.yuqing.support.As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isNotFound());

        Release signed = through(r, "zhengfuban", "zhengfuban");
        assertThatThrownBy(() -> releases.attach(signed.id(), analystScope, analyst, "后补.png", png))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("只有草稿");
        releases.publish(signed.id(), signed.version(), analystScope, analyst);
        mvc.perform(get("/public/responses/{id}", signed.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("检修现场&lt;b&gt;.png")));
        mvc.perform(get("/public/responses/attachments/{id}", id))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type", "image/png"));
    }
}

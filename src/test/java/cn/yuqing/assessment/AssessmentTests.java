package cn.yuqing.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.deadline.ClockKind;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.Patrols;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpenDuties;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 4.6 scorecards, notices and interviews, on figures worked out by hand for October 2026 (国庆节: 1–7 October off,
 * Saturday 10 October worked), for the 住建局 as first responsible unit.
 */
@WebTest
class AssessmentTests {

    @Autowired
    Scorecards scorecards;
    @Autowired
    cn.yuqing.review.CaseReviews reviews;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.opinion.WorkOrders workOrders;
    @Autowired
    Releases releases;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Channels channels;
    @Autowired
    Patrols patrols;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    SignedInPerson analyst;
    DataScope scope;
    Long housing;

    /** Verified, routed to the 住建局, judged with the grade, talking points, plan made, response started. */
    OpinionEvent responding(Instant firstKnown, String title, String grade, boolean emergency) {
        clock.set(firstKnown);
        OpinionEvent e = fixtures.judgedEvent(title, cn.yuqing.opinion.MatterKind.MAJOR_PROBLEM, grade, emergency);
        opinions.addTalkingPoints(e.id(), scope, analyst, "正在核查处理。");
        e = opinions.require(e.id(), scope);
        e = opinions.makePlan(e.id(), e.version(), scope, analyst, "县政府网站", null);
        return opinions.startResponse(e.id(), e.version(), scope, analyst);
    }

    void flag(OpinionEvent e, Instant at, boolean signs, boolean hot) {
        clock.set(at);
        OpinionEvent now = opinions.require(e.id(), scope);
        opinions.flag(now.id(), now.version(), scope, analyst, signs, hot);
    }

    void publish(OpinionEvent e, ReleaseKind kind, Instant at) {
        clock.set(at);
        SignedInPerson office = accounts.loadUserByUsername("zhengfuban");
        Release r = releases.firstDraft(e.id(), scope, analyst, kind);
        r = releases.review(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office, "同意");
        r = releases.signOff(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office);
        releases.publish(r.id(), r.version(), As.scopeOf(directory, "zhengfuban"), office);
    }

    void close(OpinionEvent e, Instant at) {
        clock.set(at);
        OpinionEvent now = opinions.require(e.id(), scope);
        now = opinions.startFollowUp(now.id(), now.version(), scope, analyst);
        Map<String, String> waivers = opinions.openDuties(now.id(), scope).stream()
                .collect(Collectors.toMap(OpenDuties.Duty::key, d -> "测试：不再办理"));
        opinions.close(now.id(), now.version(), scope, analyst, "已办结", waivers);
    }

    @Test
    void theMonthsFiguresAreTheOnesWorkedOutByHand() throws Exception {
        analyst = accounts.loadUserByUsername("yanpan");
        scope = As.scopeOf(directory, "yanpan");
        housing = fixtures.housing();

        // September: not in the month
        Instant t0 = Instant.parse("2026-09-30T02:00:00Z");
        OpinionEvent e0 = responding(t0, "九月的路面塌陷", "ORDINARY", false);
        publish(e0, ReleaseKind.PORTAL_NOTICE, t0.plus(Duration.ofHours(1)));
        close(e0, t0.plus(Duration.ofHours(2)));
        // E1 major emergency: statement on time (3 h); closed before the 24 h conference fell due (void)
        Instant t1 = Instant.parse("2026-10-09T01:00:00Z");
        OpinionEvent e1 = responding(t1, "住宅楼外墙脱落砸伤行人", "MAJOR", true);
        flag(e1, t1.plus(Duration.ofHours(1)), true, true); // both reports within 2 h: on time
        publish(e1, ReleaseKind.AUTHORITATIVE_STATEMENT, t1.plus(Duration.ofHours(3)));
        close(e1, t1.plus(Duration.ofHours(4)));
        // E2 ordinary: response 2 h late (50 h); its order given back once and sent again
        Instant t2 = Instant.parse("2026-10-12T02:00:00Z");
        OpinionEvent e2 = responding(t2, "小区电梯频繁困人", "ORDINARY", false);
        flag(e2, t2.plus(Duration.ofHours(3)), true, false); // 3 h: late
        var order = opinions.workOrders(e2.id()).stream().filter(o -> o.unitId().equals(housing)).findFirst().orElseThrow();
        workOrders.sendBack(order.id(), As.scopeOf(directory, "zhujian.huiying"), accounts.loadUserByUsername("zhujian.huiying"),
                cn.yuqing.opinion.WorkOrder.SendBackReason.NOT_COMPETENT, "属物业管理");
        workOrders.reject(order.id(), scope, analyst, "请住建局督促物业");
        publish(e2, ReleaseKind.PORTAL_NOTICE, t2.plus(Duration.ofHours(50)));
        close(e2, t2.plus(Duration.ofHours(51)));
        // E3 larger: never answered, closed after the 48 h fell due (missed)
        Instant t3 = Instant.parse("2026-10-20T02:00:00Z");
        OpinionEvent e3 = responding(t3, "老旧小区雨污管道破裂", "LARGE", false);
        close(e3, t3.plus(Duration.ofHours(49)));
        // E4 ordinary: answered in 1 h
        Instant t4 = Instant.parse("2026-10-26T02:00:00Z");
        OpinionEvent e4 = responding(t4, "施工工地夜间噪音", "ORDINARY", false);
        publish(e4, ReleaseKind.PORTAL_NOTICE, t4.plus(Duration.ofHours(1)));
        close(e4, t4.plus(Duration.ofHours(2)));

        // patrols: 3 on Friday 9 October (2 owed), 1 on the worked Saturday 10 October, 1 on the 3 October holiday
        var channel = channels.create(new ChannelData("住建局政务微博" + System.nanoTime(), ChannelType.WEIBO, housing, null, 2, true,
                Set.of()), DataScope.installation());
        SignedInPerson monitor = accounts.loadUserByUsername("jiankong");
        for (String at : new String[] {"2026-10-09T01:30:00Z", "2026-10-09T03:30:00Z", "2026-10-09T07:30:00Z",
                "2026-10-10T02:00:00Z", "2026-10-03T02:00:00Z"}) {
            clock.set(Instant.parse(at));
            patrols.record(channel.id(), DataScope.installation(), monitor, true, null);
        }

        clock.set(Instant.parse("2026-11-05T02:00:00Z"));
        Scorecard card = scorecards.of(Period.parse("2026-10"), As.scopeOf(directory, "kaohe")).stream()
                .filter(c -> c.unitId().equals(housing)).findFirst().orElseThrow();
        assertThat(card.events()).isEqualTo(4);
        assertThat(card.onTime()).isEqualTo(2);
        assertThat(card.late()).isEqualTo(1);
        assertThat(card.missed()).isEqualTo(1);
        assertThat(card.perClock().get(ClockKind.STATEMENT)).isEqualTo(new Scorecard.Rate(1, 1));
        assertThat(card.perClock().get(ClockKind.RESPONSE)).isEqualTo(new Scorecard.Rate(1, 3));
        assertThat(card.perClock()).doesNotContainKey(ClockKind.PRESS_CONFERENCE);
        assertThat(card.weightedOnTime()).as("(3 + 1) / (3 + 1 + 2 + 1)").isCloseTo(4 / 7.0, within(1e-9));
        assertThat(card.medianResponse()).isEqualTo(Duration.ofHours(3));
        assertThat(card.worstResponse()).isEqualTo(Duration.ofHours(50));
        assertThat(card.unanswered()).isEqualTo(1);
        assertThat(card.releases()).isEqualTo(3);
        assertThat(card.returns()).isEqualTo(1);
        assertThat(card.resends()).isEqualTo(1);
        assertThat(card.loop().wrongfulSendBacks()).as("the office found the 退单 wrongful").isEqualTo(1);
        assertThat(card.loop().satisfaction().share()).as("no survey answered: no rate, not a perfect one").isNull();
        assertThat(card.ranked()).isTrue();
        // the unit's response index: the mean of its four events' (issue 20); E3, never answered, scores −10 twice
        var e3Index = reviews.indexOf(e3.id(), DataScope.installation());
        assertThat(e3Index.dimensions().get(0).score()).isEqualTo(-10.0);
        assertThat(e3Index.dimensions().get(1).score()).isEqualTo(-10.0);
        double mean = java.util.stream.Stream.of(e1, e2, e3, e4)
                .mapToDouble(e -> reviews.indexOf(e.id(), DataScope.installation()).total()).average().orElseThrow();
        assertThat(card.indexedEvents()).isEqualTo(4);
        assertThat(card.responseIndex()).isEqualTo(Math.round(mean * 10) / 10.0);
        assertThat(card.responseIndexText()).endsWith("（红色）");
        int perDay = channels.visible(DataScope.installation()).stream().filter(c -> c.unitId().equals(housing) && c.active())
                .mapToInt(c -> c.patrolsPerDay()).sum();
        assertThat(card.patrolsDue()).as("18 working days: 22 weekdays, 5 of them off, 1 Saturday worked").isEqualTo(18 * perDay);
        assertThat(card.patrolsDone()).isEqualTo(3);
        Scorecard office = scorecards.of(Period.parse("2026-10"), As.scopeOf(directory, "kaohe")).stream()
                .filter(c -> c.unitName().equals("潢川县人民政府办公室")).findFirst().orElseThrow();
        assertThat(office.warningReports()).as("the unit that opened the events reports them").isEqualTo(3);
        assertThat(office.warningReportsOnTime()).isEqualTo(2);
        assertThat(card.warningReports()).isZero();

        mvc.perform(get("/assessment/scorecards").param("period", "2026-10").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("潢川县住房和城乡建设局")))
                .andExpect(content().string(containsString("57.1%")))
                .andExpect(content().string(containsString("data-unit=\"潢川县人民政府办公室\"")))
                .andExpect(content().string(containsString("计分规则")));
        mvc.perform(get("/assessment/scorecards").param("period", "2026-10").with(As.person(accounts, "zhujian.fuzeren")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("潢川县住房和城乡建设局")))
                .andExpect(content().string(not(containsString("data-unit=\"潢川县人民政府办公室\""))));
        assertThat(scorecards.of(Period.parse("2026-10"), As.scopeOf(directory, "zhujian.fuzeren"))).as("a department head sees its own unit")
                .extracting(Scorecard::unitId).containsOnly(housing);
        mvc.perform(get("/assessment/scorecards").param("period", "2026-10").with(As.person(accounts, "zhujian.huiying")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/assessment/scorecards").param("period", "去年十月").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("考核期应为某月")));

        mvc.perform(get("/api/assessment/scorecards").param("period", "2026-10").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.unit == '潢川县住房和城乡建设局')].medianResponseMinutes").value(org.hamcrest.Matchers.contains(180)));
        mvc.perform(get("/api/assessment/scorecards").param("period", "十月").with(As.person(accounts, "kaohe")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/assessment/scorecards").param("period", "2026-10").with(As.person(accounts, "zhujian.huiying")))
                .andExpect(status().isForbidden());

        theMonthsNotice(card);
        theLinesSuggestAnInterviewAndOnlyAPersonRecordsIt();
    }

    @Autowired
    Accountability accountability;

    void theLinesSuggestAnInterviewAndOnlyAPersonRecordsIt() throws Exception {
        SignedInPerson assessor = accounts.loadUserByUsername("kaohe");
        DataScope assessorScope = As.scopeOf(directory, "kaohe");
        Period october = Period.parse("2026-10");
        var suggestion = accountability.suggestions(october, assessorScope, assessor).stream()
                .filter(x -> x.card().unitId().equals(housing)).findFirst().orElseThrow();
        assertThat(suggestion.kind()).isEqualTo(AccountabilityMeasure.Kind.INTERVIEW);
        assertThat(suggestion.reasons()).anyMatch(r -> r.contains("未发布回应")).anyMatch(r -> r.contains("低于60%"));
        assertThat(accountability.measures(assessorScope)).as("a suggestion is not a record").noneMatch(m -> m.unitId().equals(housing));

        mvc.perform(post("/assessment/accountability/thresholds").with(As.person(accounts, "kaohe")).with(csrf())
                .param("minOnTime", "150").param("maxMissed", "2").param("maxUnanswered", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(accountability.thresholds(assessor).minOnTime()).as("refused whole").isEqualTo(0.6);
        mvc.perform(post("/assessment/accountability").with(As.person(accounts, "zhujian.huiying")).with(csrf())
                .param("kind", "INTERVIEW").param("unitId", housing.toString()).param("reason", "x").param("people", "y")
                .param("heldOn", "2026-11-06"))
                .andExpect(status().isForbidden());
        // interviewed in September already: crossing the lines again suggests the supervisory organs
        mvc.perform(post("/assessment/accountability").with(As.person(accounts, "kaohe")).with(csrf())
                .param("kind", "INTERVIEW").param("unitId", housing.toString()).param("period", "2026-09")
                .param("reason", "九月回应超时").param("people", "住建局局长").param("heldOn", "2026-09-15"))
                .andExpect(status().is3xxRedirection());
        assertThat(accountability.suggestions(october, assessorScope, assessor)).filteredOn(x -> x.card().unitId().equals(housing))
                .singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo(AccountabilityMeasure.Kind.SUPERVISORY_REFERRAL));
        mvc.perform(get("/assessment/accountability").param("period", "2026-10").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("建议移送监察机关")));
        accountability.record(AccountabilityMeasure.Kind.SUPERVISORY_REFERRAL, housing, "2026-10", "整改不到位", "住建局局长",
                java.time.LocalDate.parse("2026-11-06"), null, assessorScope, assessor);
        assertThat(accountability.suggestions(october, assessorScope, assessor)).as("handled for the period")
                .noneMatch(x -> x.card().unitId().equals(housing));
        assertThat(accountability.measures(As.scopeOf(directory, "zhujian.fuzeren"))).as("the unit sees what concerns it")
                .extracting(AccountabilityMeasure::kind).containsExactly(AccountabilityMeasure.Kind.SUPERVISORY_REFERRAL,
                        AccountabilityMeasure.Kind.INTERVIEW);
    }

    @Autowired
    Notices notices;

    /** The month's notice: drafted from the scorecards, read back from its .docx, issued with the figures frozen. */
    void theMonthsNotice(Scorecard card) throws Exception {
        SignedInPerson assessor = accounts.loadUserByUsername("kaohe");
        DataScope assessorScope = As.scopeOf(directory, "kaohe");
        Notice drafted = notices.draft("2026-10", assessorScope, assessor);
        assertThat(drafted.title()).isEqualTo("关于2026年10月潢川县政务舆情回应工作情况的通报");
        // each missed clock named by its event and duty (issue 23), then the other faults
        assertThat(drafted.criticism()).containsPattern("潢川县住房和城乡建设局：回应时限超时未完成1项（“[^”]+”的[^（]+（[^）]+））")
                .contains("1件重点回应舆情未发布回应，加权按时率仅57.1%");
        Notice n = notices.revise(drafted.id(), drafted.version(), assessor, drafted.title(), "城关镇人民政府等单位回应及时，予以表扬。",
                drafted.criticism(), drafted.closing());

        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(notices.document(n.id(), assessorScope, assessor)))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(n.title());
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("二、通报表扬", "三、通报批评",
                    "城关镇人民政府等单位回应及时，予以表扬。", "潢川县人民政府办公室");
            assertThat(doc.getTables()).hasSize(1);
            var table = doc.getTables().get(0);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText()).containsExactlyElementsOf(NoticeDocument.HEADER);
            var housingRow = table.getRows().stream().filter(r -> r.getCell(1).getText().equals("潢川县住房和城乡建设局"))
                    .findFirst().orElseThrow();
            long ranked = scorecards.of(Period.parse("2026-10"), assessorScope).stream().filter(Scorecard::ranked).count();
            assertThat(housingRow.getTableCells()).extracting(c -> c.getText())
                    .containsExactly(ranked < 2 ? "—" : String.valueOf(card.rank()), "潢川县住房和城乡建设局", "4", "57.1%", "1", "1",
                            "3小时", "1", card.patrolsText(), card.responseIndexText(), "—");
            // every total in the text is the sum of its column (issue 23)
            var rows = table.getRows().subList(1, table.getRows().size());
            java.util.function.IntFunction<Integer> sum = col -> rows.stream().mapToInt(r -> Integer.parseInt(r.getCell(col).getText()))
                    .sum();
            int patrolsDone = 0;
            int patrolsDue = 0;
            for (var r : rows) {
                String[] p = r.getCell(8).getText().split("/");
                if (p.length == 2) {
                    patrolsDone += Integer.parseInt(p[0]);
                    patrolsDue += Integer.parseInt(p[1]);
                }
            }
            String summary = doc.getParagraphs().stream().map(p -> p.getText()).filter(t -> t.startsWith("2026年10月，各单位共办理"))
                    .findFirst().orElseThrow();
            assertThat(summary).isEqualTo("2026年10月，各单位共办理政务舆情" + sum.apply(2) + "件；回应时限超时完成" + sum.apply(4)
                    + "项、超时未完成" + sum.apply(5) + "项；重点回应舆情未发布回应" + sum.apply(7) + "件；应巡查" + patrolsDue + "次，完成"
                    + patrolsDone + "次。");
            // a unit that owed patrols and did not make them is criticised for it
            int owing = 0;
            for (var r : rows) {
                String[] p = r.getCell(8).getText().split("/");
                if (p.length == 2 && Integer.parseInt(p[0]) < Integer.parseInt(p[1])) {
                    owing++;
                    assertThat(drafted.criticism()).contains(r.getCell(1).getText() + "：")
                            .contains("应巡查" + p[1] + "次，仅完成" + p[0] + "次");
                }
            }
            assertThat(owing).as("the month has units that owed patrols").isPositive();
        }

        Notice issued = notices.issue(n.id(), n.version(), assessorScope, assessor);
        long version = issued.version();
        assertThatThrownBy(() -> notices.revise(n.id(), version, assessor, "改标题", "表扬", "批评", "要求"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("已印发");
        responding(Instant.parse("2026-10-28T02:00:00Z"), "补录的十月事件", "ORDINARY", false);
        clock.set(Instant.parse("2026-11-05T03:00:00Z"));
        assertThat(notices.rows(issued, assessorScope)).filteredOn(r -> r.unit().equals("潢川县住房和城乡建设局"))
                .singleElement().satisfies(r -> assertThat(r.events()).as("frozen at issue").isEqualTo(4));
        assertThat(scorecards.of(Period.parse("2026-10"), assessorScope)).filteredOn(c -> c.unitId().equals(housing))
                .singleElement().satisfies(c -> assertThat(c.events()).isEqualTo(5));

        mvc.perform(get("/assessment/notices/{id}/document", n.id()).with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type",
                        containsString("wordprocessingml")));
        mvc.perform(get("/assessment/notices/{id}", n.id()).with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("印发时的数字")));
        mvc.perform(get("/assessment/notices/{id}/document", n.id()).with(As.person(accounts, "zhujian.huiying")))
                .andExpect(status().isForbidden());
        // the city's office sees the city's notices, not the county's
        mvc.perform(get("/assessment/notices/{id}", n.id()).with(As.person(accounts, "shi.zhengfuban")))
                .andExpect(status().isNotFound());
    }

    @Test
    void periodsAreMonthsAndQuarters() {
        assertThat(Period.parse("2026-10").from()).hasToString("2026-10-01");
        assertThat(Period.parse("2026-10").toExclusive()).hasToString("2026-11-01");
        assertThat(Period.parse("2026-q4").toExclusive()).hasToString("2027-01-01");
        assertThat(Period.parse("2026-Q4").label()).isEqualTo("2026年第4季度");
        assertThat(Period.parse("2026-Q1").previous().code()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(Scorecards.weight(1)).isEqualTo(4);
        assertThat(Scorecards.weight(4)).isEqualTo(1);
    }
}

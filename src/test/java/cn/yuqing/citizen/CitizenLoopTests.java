package cn.yuqing.citizen;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.notification.Deliveries;
import cn.yuqing.notification.Notifications;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.opinion.WorkOrder;
import cn.yuqing.opinion.WorkOrders;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.support.As;
import cn.yuqing.support.LoopbackSmsGateway;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 19, the citizen's loop without a browser: the reply goes out through the loopback SMS
 * gateway signed as the gateway checks it; the survey link opens without signing in, cannot be
 * forged, altered, replayed or used after it expires; 不满意 reopens the order with its own clock and
 * a second escalates to the government office; the number is shown only to the unit that replies
 * and never lands in the audit, the event's record or a log line.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class CitizenLoopTests {

    static final String PHONE = "13937612345";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    WorkOrders workOrders;
    @Autowired
    CitizenReplies replies;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Notifications notifications;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    LoopbackSmsGateway gateway;

    @BeforeEach
    void gateway() throws Exception {
        clock.set(Instant.parse("2027-11-15T02:00:00Z")); // a Monday, 10:00 in the county
        gateway = LoopbackSmsGateway.start();
        deliveries.changeSmsGateway(gateway.url(), LoopbackSmsGateway.ACCOUNT, LoopbackSmsGateway.SECRET, "【潢川县人民政府】", true, "guanli");
    }

    @AfterEach
    void stop() {
        deliveries.changeSmsGateway(null, null, null, null, false, "guanli");
        gateway.close();
    }

    WorkOrder signedOrder(OpinionEvent e, String responder) {
        DataScope scope = As.scopeOf(directory, responder);
        WorkOrder o = workOrders.inbox(scope).stream().filter(w -> w.eventId().equals(e.id())).findFirst().orElseThrow();
        return workOrders.signFor(o.id(), scope, accounts.loadUserByUsername(responder));
    }

    Long itemOf(OpinionEvent e) {
        return opinions.contactableItemIds(e.id(), 10).get(0);
    }

    @Test
    void theReplyAndTheSurveyGoRoundTheLoopAndTheLinkCannotBeForgedReplayedOrUsedLate(CapturedOutput output) throws Exception {
        OpinionEvent e = fixtures.plannedCitizenMatter("城东排水沟堵塞", "城东某小区旁排水沟堵塞，下雨污水漫进院子，请尽快疏通。", PHONE,
                fixtures.housing());
        WorkOrder order = signedOrder(e, "zhujian.huiying");
        DataScope housing = As.scopeOf(directory, "zhujian.huiying");
        var responder = accounts.loadUserByUsername("zhujian.huiying");
        assertThatThrownBy(() -> workOrders.complete(order.id(), housing, responder))
                .as("the responsible unit cannot close its order past the citizen who left a way back, nor avoid the 回访")
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("请用“答复群众”答复后办结");

        // who sees the number: the unit that must reply in full, the county analyst masked
        String asResponder = mvc.perform(get("/events/{id}/replies", e.id()).with(user(responder))).andReturn().getResponse()
                .getContentAsString();
        String asAnalyst = mvc.perform(get("/events/{id}/replies", e.id()).with(user(accounts.loadUserByUsername("yanpan"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(asResponder).contains(PHONE);
        assertThat(asAnalyst).doesNotContain(PHONE).contains("139****2345");

        replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.SMS, "排水沟已于今日疏通，感谢您的反映。", housing, responder);
        assertThat(workOrders.ofEvent(order.id(), DataScope.installation()).status()).isEqualTo(WorkOrder.Status.DONE);
        deliveries.sendDue();
        assertThat(gateway.log()).hasSize(1);
        LoopbackSmsGateway.Message sms = gateway.last();
        assertThat(sms.signatureValid()).as("signed as the gateway checks it, the number in the body only").isTrue();
        assertThat(sms.account()).isEqualTo(LoopbackSmsGateway.ACCOUNT);
        assertThat(sms.mobile()).isEqualTo(PHONE);
        assertThat(sms.content()).startsWith("【潢川县人民政府】").contains("排水沟已于今日疏通");
        String link = sms.surveyPath();
        assertThat(link).isNotNull();

        // the citizen opens the link without signing in; forged or altered links open nothing
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("排水沟已于今日疏通")
                .contains("城东排水沟堵塞").doesNotContain(PHONE);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");
        List<String> forged = List.of(
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(1) + "A",
                (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2] + "." + parts[3],
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2] + "." + parts[3],
                parts[0] + "." + parts[1] + "." + parts[2],
                "1.1.x.y", "%00", "../../admin");
        for (String f : forged) {
            var answer = mvc.perform(post("/public/survey/{t}", f).param("rating", "SATISFIED").with(csrf())).andReturn().getResponse();
            assertThat(answer.getStatus()).as(f).isIn(400, 404);
            assertThat(mvc.perform(get("/public/survey/{t}", f)).andReturn().getResponse().getStatus()).as(f).isIn(400, 404);
        }
        assertThat(jdbc.queryForObject("select count(*) from survey where answered_at is not null and event_id = ?", Long.class, e.id()))
                .as("no forged link answered anything").isZero();

        // a genuine link with hostile fields: refused whole, the survey still open
        for (var hostile : List.of(post(link).param("rating", "HACK"), post(link).param("rating", "SATISFIED").param("comment", "评".repeat(600)),
                post(link).param("rating", "SATISFIED").param("comment", "\uD800半个字"))) {
            var refused = mvc.perform(hostile.with(csrf())).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentAsString()).doesNotContain("Exception");
        }
        assertThat(jdbc.queryForObject("select count(*) from survey where answered_at is not null and event_id = ?", Long.class, e.id()))
                .isZero();

        // 不满意: the order is reopened (重办) with its own clock; the link cannot be used twice
        var first = mvc.perform(post(link).param("rating", "UNSATISFIED").param("comment", "只疏通了一半，还是堵").with(csrf()))
                .andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("承办单位将重新办理");
        WorkOrder reopened = workOrders.ofEvent(order.id(), DataScope.installation());
        assertThat(reopened.status()).isEqualTo(WorkOrder.Status.ACCEPTED);
        assertThat(reopened.redos()).isEqualTo(1);
        assertThat(reopened.dueAt()).as("3 working days: Monday → end of Thursday").isEqualTo(Instant.parse("2027-11-18T16:00:00Z"));
        var replay = mvc.perform(post(link).param("rating", "SATISFIED").with(csrf())).andReturn().getResponse();
        assertThat(replay.getStatus()).isEqualTo(422);
        assertThat(replay.getContentAsString()).contains("您已评价过");
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("您已评价（不满意）");

        // the second reply's link expires unused after 7 days; then the office records a phone 回访
        replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.SMS, "已全部疏通并加装格栅。", housing, responder);
        deliveries.sendDue();
        String second = gateway.last().surveyPath();
        assertThat(second).isNotEqualTo(link);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getStatus()).isEqualTo(410);
        var late = mvc.perform(post(second).param("rating", "SATISFIED").with(csrf())).andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString()).contains("已过期");
        Survey open = replies.surveys(e.id(), DataScope.installation()).stream().filter(s -> !s.answered()).findFirst().orElseThrow();
        var office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = As.scopeOf(directory, "zhengfuban");
        assertThatThrownBy(() -> replies.recordByPhone(open.id(), Survey.Rating.UNSATISFIED, " ", officeScope, office))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("不满意须记录群众所说的原因");
        replies.recordByPhone(open.id(), Survey.Rating.UNSATISFIED, "格栅装歪了", officeScope, office);

        // a second 不满意 on the same order: reopened again and reported to the government office
        assertThat(workOrders.ofEvent(order.id(), DataScope.installation()).redos()).isEqualTo(2);
        Long officePerson = directory.person("zhengfuban").orElseThrow().id();
        assertThat(notifications.inbox(officePerson)).anyMatch(n -> n.title().equals("群众再次不满意：城东排水沟堵塞"));
        assertThat(opinions.require(e.id(), DataScope.installation()).steps()).extracting(s -> s.action())
                .contains("REPLY_CITIZEN", "SURVEY_ANSWERED", "REDO_ORDER", "SURVEY_ESCALATED");
        var rate = satisfaction.byUnit(Instant.parse("2027-11-01T00:00:00Z"), Instant.parse("2027-12-01T00:00:00Z"))
                .get(fixtures.housing());
        assertThat(rate).isEqualTo(new Satisfaction.Rate(2, 0));

        // the number is personal data: never in the event's record, the audit, the delivery shown, or a log line
        assertThat(opinions.require(e.id(), DataScope.installation()).steps()).allSatisfy(s ->
                assertThat(String.valueOf(s.note())).doesNotContain(PHONE));
        assertThat(jdbc.queryForObject("select (select count(*) from audit_entry where after_state like ? or before_state like ?)"
                + " + (select count(*) from audit_waiting where after_state like ? or before_state like ?)", Long.class,
                Collections.nCopies(4, "%" + PHONE + "%").toArray())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from delivery where target like ?", Long.class, "%" + PHONE + "%"))
                .as("encrypted at rest").isZero();
        assertThat(jdbc.queryForObject("select count(*) from citizen_reply where contact like ?", Long.class, "%" + PHONE + "%"))
                .as("encrypted at rest").isZero();
        assertThat(output.getAll()).doesNotContain(PHONE);
    }

    @Test
    void aRefusingGatewayIsRetriedWithTheRefusalShownAndWithoutAGatewayNothingIsStored() throws Exception {
        OpinionEvent e = fixtures.plannedCitizenMatter("城西路灯不亮", "城西某路段路灯一个月不亮，夜里行人摔倒。", "13837654321",
                fixtures.housing());
        WorkOrder order = signedOrder(e, "zhujian.huiying");
        DataScope housing = As.scopeOf(directory, "zhujian.huiying");
        var responder = accounts.loadUserByUsername("zhujian.huiying");
        gateway.answer("{\"code\":\"1001\",\"msg\":\"余额不足\"}");
        CitizenReply reply = replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.SMS, "已报修，两日内修复。", housing, responder);
        deliveries.sendDue();
        assertThat(replies.deliveryOf(List.of(reply)).get(reply.id())).isEqualTo("待发送（短信网关拒收：code 1001）");
        String page = mvc.perform(get("/notifications/deliveries").with(user(accounts.loadUserByUsername("guanli")))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("138****4321").doesNotContain("13837654321");

        // reopened to reply again: with the gateway switched off an SMS reply is refused whole
        jdbc.update("update work_order set status = 'ACCEPTED' where id = ?", order.id());
        deliveries.changeSmsGateway(null, null, null, null, false, "guanli");
        long repliesBefore = jdbc.queryForObject("select count(*) from citizen_reply", Long.class);
        long surveysBefore = jdbc.queryForObject("select count(*) from survey", Long.class);
        assertThatThrownBy(() -> replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.SMS, "再次答复", housing, responder))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("尚未配置短信网关");
        assertThatThrownBy(() -> replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.EMAIL, "再次答复", housing, responder))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("没有留下电子邮箱");
        assertThat(jdbc.queryForObject("select count(*) from citizen_reply", Long.class)).isEqualTo(repliesBefore);
        assertThat(jdbc.queryForObject("select count(*) from survey", Long.class)).isEqualTo(surveysBefore);
        // another unit cannot answer this unit's order, nor see the number
        DataScope sanpi = As.scopeOf(directory, "sanpi.huiying");
        assertThatThrownBy(() -> replies.reply(e.id(), order.id(), itemOf(e), CitizenReply.Channel.PHONE, "越权答复", sanpi,
                accounts.loadUserByUsername("sanpi.huiying"))).isInstanceOf(cn.yuqing.shared.NotFound.class);
    }
}

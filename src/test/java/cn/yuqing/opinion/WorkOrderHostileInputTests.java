package cn.yuqing.opinion;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 19's forms and calls under malformed input, as the unit's responder, the government office
 * and the administrator (so that a permission is not all that refuses): a 4xx or a refusal on the
 * page, never a 5xx or a stack trace, and nothing half-stored — the order keeps its state, no
 * reply, survey or chase notice appears, the policy and the gateway stay as they were.
 */
@WebTest
class WorkOrderHostileInputTests {

    static final String HUGE = "单".repeat(20_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    WorkOrders workOrders;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void malformedInputIsRefusedWithoutA500AndStoresNothing() throws Exception {
        clock.set(Instant.parse("2027-11-22T01:00:00Z"));
        OpinionEvent e = fixtures.plannedCitizenMatter("城东小区路面塌陷", "城东小区路面塌陷，车辆无法通行。", "13900000000", fixtures.housing());
        Long order = opinions.workOrders(e.id()).get(0).id();
        String id = String.valueOf(order);
        String event = String.valueOf(e.id());
        long policyVersion = workOrders.policy().version();
        long replies = jdbc.queryForObject("select count(*) from citizen_reply", Long.class);
        long chases = jdbc.queryForObject("select count(*) from chase_notice", Long.class);
        MediaType json = MediaType.APPLICATION_JSON;
        List<MockHttpServletRequestBuilder> hostile = List.of(
                post("/work-orders/{id}/return", id).param("code", "HACK").param("reason", "x"),
                post("/work-orders/{id}/return", id).param("code", "NOT_TERRITORY").param("reason", HUGE),
                post("/work-orders/{id}/return", id).param("code", "").param("reason", ""),
                post("/work-orders/{id}/return", "../../etc/passwd").param("code", "OTHER").param("reason", "x"),
                post("/work-orders/{id}/extension", id).param("until", "2027-13-45T99:99").param("reason", "x"),
                post("/work-orders/{id}/extension", id).param("until", "2020-01-01T00:00").param("reason", "x"),
                post("/work-orders/{id}/extension", id).param("until", "2027-12-30T09:00").param("reason", HUGE),
                post("/work-orders/{id}/arbitration", id).param("decision", "MAYBE"),
                post("/work-orders/{id}/arbitration", id).param("decision", "UPHOLD").param("unitId", "abc"),
                post("/work-orders/{id}/arbitration", id).param("decision", "UPHOLD").param("unitId", "999999"),
                post("/work-orders/{id}/arbitration", id).param("decision", "REJECT").param("note", HUGE),
                post("/work-orders/{id}/extension-decision", id).param("decision", "<script>"),
                post("/work-orders/{id}/complete", "1e9999"),
                post("/work-orders/chases/{id}/issue", "999999").param("version", "x").param("text", HUGE),
                get("/work-orders/chases/{id}/document.docx", "abc"),
                post("/work-orders/policy").param("version", "0").param("signForMajorMinutes", "-1").param("signForWorkingHours", "2")
                        .param("dueMajorHours", "24").param("dueWorkingDays", "5").param("arbitrationWorkingHours", "2")
                        .param("redoWorkingDays", "3").param("superviseAfterWorkingDays", "1"),
                post("/work-orders/policy").param("version", "0").param("signForMajorMinutes", "三十"),
                post("/api/work-orders/{id}/send-back", id).contentType(json).content("{\"reason\": \"X\", \"evidence\": \"x\"}"),
                post("/api/work-orders/{id}/send-back", id).contentType(json).content("{\"reason\": "),
                post("/api/work-orders/{id}/send-back", id).contentType(json)
                        .content("{\"reason\": \"NOT_TERRITORY\", \"reason\": \"OTHER\", \"evidence\": \"x\"}"),
                post("/api/work-orders/{id}/extension", id).contentType(json).content("{\"until\": \"tomorrow\", \"reason\": \"x\"}"),
                post("/api/work-orders/{id}/arbitration", id).contentType(json).content("{\"decision\": \"UPHOLD\", \"unitId\": \"abc\"}"),
                post("/api/work-orders/{id}/extension-decision", id).contentType(json).content("{\"approve\": \"yes\"}"),
                post("/events/{id}/replies", event).param("orderId", "abc").param("itemId", "x").param("channel", "FAX").param("text", "x"),
                post("/events/{id}/replies", event).param("orderId", id).param("itemId", "1").param("channel", "SMS").param("text", HUGE),
                post("/api/events/{id}/replies", event).contentType(json).content("{\"orderId\": 1}"),
                post("/api/events/{id}/replies", event).contentType(json)
                        .content("{\"orderId\": " + id + ", \"itemId\": \"x\", \"channel\": \"SMS\", \"text\": \"x\"}"),
                post("/surveys/{id}/phone", "999999").param("rating", "BAD").param("eventId", event),
                post("/api/surveys/{id}/phone", "999999").contentType(json).content("{\"rating\": \"UNSATISFIED\"}"),
                post("/public/survey/{t}", "1.2.3.4").param("rating", "HACK").param("comment", HUGE),
                post("/notifications/sms-gateway").param("url", "javascript:alert(1)").param("account", "a").param("secret", "s")
                        .param("signature", "【县政府】").param("active", "true"),
                post("/notifications/sms-gateway").param("url", "https://sms.example.cn/send").param("account", "a").param("secret", "s")
                        .param("signature", "<script>").param("active", "true"));
        for (MockHttpServletRequestBuilder request : hostile) {
            for (String user : List.of("zhujian.huiying", "zhengfuban", "guanli")) {
                var result = mvc.perform(request.with(As.person(accounts, user)).with(csrf())).andReturn();
                String what = user + " " + result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
                assertThat(result.getResponse().getStatus()).as(what).isLessThan(500);
                assertThat(result.getResponse().getContentAsString()).as("no stack trace: " + what).doesNotContain("at cn.yuqing")
                        .doesNotContain("Exception");
            }
        }
        var duplicate = mvc.perform(post("/api/work-orders/{id}/send-back", id).contentType(json)
                .content("{\"reason\": \"NOT_TERRITORY\", \"reason\": \"OTHER\", \"evidence\": \"x\"}")
                .with(As.person(accounts, "zhujian.huiying"))).andReturn().getResponse();
        assertThat(duplicate.getStatus()).isEqualTo(400);
        assertThat(duplicate.getContentAsString()).contains("字段“reason”出现了不止一次");
        WorkOrder after = workOrders.ofEvent(order, DataScope.installation());
        assertThat(after.status()).as("nothing half-done").isEqualTo(WorkOrder.Status.SENT);
        assertThat(after.returns()).isZero();
        assertThat(after.extensionUntil()).isNull();
        assertThat(workOrders.policy().version()).isEqualTo(policyVersion);
        assertThat(jdbc.queryForObject("select count(*) from citizen_reply", Long.class)).isEqualTo(replies);
        assertThat(jdbc.queryForObject("select count(*) from chase_notice", Long.class)).isEqualTo(chases);
        assertThat(jdbc.queryForObject("select count(*) from sms_gateway where active", Long.class)).isZero();
    }
}

package cn.yuqing.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** E-mail against an in-JVM SMTP server, group robots against a local HTTP receiver, with a moved clock. */
@WebTest
class NotificationChannelTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Deliveries deliveries;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    HttpServer receiver;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger refusals = new AtomicInteger();

    Long personId;

    @BeforeEach
    void setUp() throws IOException {
        clock.set(Instant.parse("2027-08-02T02:00:00Z")); // 10:00 in 潢川
        deliveries.sendDue();
        jdbc.update("update delivery set status = 'SENT' where status = 'PENDING'");
        personId = directory.person("zhujian.fuzeren").orElseThrow().id();
        jdbc.update("update person set email = 'sunwei@hc.gov.cn' where id = ?", personId);
        jdbc.update("delete from notification_preference where person_id = ?", personId);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(exchange.getRequestURI() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String answer = refusals.getAndDecrement() > 0 ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        jdbc.update("update person set email = null where id = ?", personId);
        jdbc.update("update group_robot set active = false");
    }

    void tell(String title, boolean urgent) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> publisher.publishEvent(
                new NotificationRequested(Set.of(personId), title, "请及时处置。", "/events/1", urgent)));
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void anEmailGoesOutWithTheLinkAndIsRecordedAsSent() throws Exception {
        tell("时限提醒：回应 · 城区停水", false);
        assertThat(deliveries.sendDue()).isEqualTo(1);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("【舆情回应平台】时限提醒：回应 · 城区停水");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("sunwei@hc.gov.cn");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("http://localhost:8080/events/1");
        assertThat(deliveries.recent()).first().satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.SENT));
    }

    @Test
    void quietHoursHoldOrdinaryEmailUntilMorningButNotUrgentOnes() throws Exception {
        mvc.perform(post("/notifications/preferences").param("email", "true").param("quietFrom", "22:00").param("quietUntil", "")
                .with(As.person(accounts, "zhujian.fuzeren")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("同时填写")));
        mvc.perform(post("/notifications/preferences").param("email", "true").param("quietFrom", "22:00").param("quietUntil", "07:00")
                .with(As.person(accounts, "zhujian.fuzeren")).with(csrf()))
                .andExpect(flash().attribute("notice", "已保存"));
        clock.set(Instant.parse("2027-08-02T15:00:00Z")); // 23:00

        tell("时限提醒：回应 · 夜市噪音", false);
        tell("督办：权威信息发布超时 · 燃气泄漏", true);
        assertThat(deliveries.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("【舆情回应平台】督办：权威信息发布超时 · 燃气泄漏");

        clock.set(Instant.parse("2027-08-02T22:59:00Z")); // 06:59
        assertThat(deliveries.sendDue()).isZero();
        clock.set(Instant.parse("2027-08-02T23:00:00Z")); // 07:00
        assertThat(deliveries.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void groupRobotsGetPlainTextInTheirFormatsAndDingTalkMessagesAreSigned() {
        Long unit = directory.person("zhujian.fuzeren").orElseThrow().unit().id();
        deliveries.addRobot(unit, GroupRobot.Kind.WECOM, "住建局值班群", url("/cgi-bin/webhook/send?key=abc"), null, false);
        deliveries.addRobot(unit, GroupRobot.Kind.DINGTALK, "住建局钉钉群", url("/robot/send?access_token=xyz"), "SECxyz", true);

        tell("时限提醒：<b>回应</b>", false);
        deliveries.sendDue();
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("/cgi-bin/webhook/send?key=abc ")
                .contains("\"msgtype\":\"text\"").contains("【舆情回应平台】时限提醒：<b>回应</b>");

        tell("督办：超时", true);
        deliveries.sendDue();
        assertThat(received).hasSize(3);
        String signed = received.stream().filter(r -> r.startsWith("/robot/send")).findFirst().orElseThrow();
        long timestamp = Long.parseLong(signed.replaceAll(".*timestamp=(\\d+).*", "$1"));
        assertThat(timestamp).isEqualTo(clock.millis());
        assertThat(signed).contains("&sign=" + Senders.dingTalkSign(timestamp, "SECxyz"));
    }

    @Test
    void aRefusedDeliveryIsRetriedWithPausesAndAFinalFailureIsShownToTheAdministrator() throws Exception {
        Long unit = directory.person("zhujian.fuzeren").orElseThrow().unit().id();
        deliveries.addRobot(unit, GroupRobot.Kind.WECOM, "住建局值班群", url("/cgi-bin/webhook/send?key=bad"), null, false);
        jdbc.update("update person set email = null where id = ?", personId);
        refusals.set(1);
        tell("时限提醒：回应", false);
        deliveries.sendDue();
        Delivery first = deliveries.recent().stream().filter(d -> d.channel() == Delivery.Channel.WECOM).findFirst().orElseThrow();
        assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(first.lastError()).contains("93000");
        assertThat(deliveries.sendDue()).as("not before its pause").isZero();
        clock.advance(Duration.ofMinutes(1));
        deliveries.sendDue();
        assertThat(received).hasSize(2);

        refusals.set(100);
        tell("督办：超时", true);
        for (int i = 0; i < 6; i++) {
            deliveries.sendDue();
            clock.advance(Duration.ofHours(4));
        }
        assertThat(deliveries.failedCount()).isPositive();
        mvc.perform(get("/notifications/deliveries").with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString("发送失败")))
                .andExpect(content().string(containsString("/cgi-bin/webhook/send?…")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("key=bad"))));
        mvc.perform(get("/notifications/deliveries").with(As.person(accounts, "zhujian.fuzeren")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        Long failed = deliveries.recent().get(0).id();
        mvc.perform(post("/notifications/deliveries/{id}/retry", failed).with(As.person(accounts, "guanli")).with(csrf()));
        refusals.set(0);
        deliveries.sendDue();
        assertThat(deliveries.recent().stream().filter(d -> d.id().equals(failed)).findFirst().orElseThrow().status())
                .isEqualTo(Delivery.Status.SENT);
    }
}

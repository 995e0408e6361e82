package cn.yuqing.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.TestClockConfiguration;
import cn.yuqing.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text that tries to hide from the machine's reading or to disguise itself, sent through a real
 * server as a source would send it: zero-width characters inside a township's name, text of
 * nothing but format characters, half characters (lone surrogates), a URL past the limit,
 * duplicate JSON fields, a header of 20 KB. Each is read for what it says or refused with its true
 * reason in Chinese; none is a 5xx and nothing is half-stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class HostileTextTests {

    @LocalServerPort
    int port;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    final Visitor.Server server = path -> URI.create("http://localhost:" + port + path);
    Channel channel;
    String key;

    @BeforeEach
    void source() {
        channel = fixtures.countyChannel(ChannelType.OTHER_ONLINE, 1);
        key = fixtures.apiSource(channel).apiKey();
    }

    private HttpResponse<String> send(String json) {
        return Visitor.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(server.url("/api/intake/items"))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private long items() {
        return jdbc.queryForObject("select count(*) from opinion_item where channel_id = ?", Long.class, channel.id());
    }

    @Test
    void zeroWidthCharactersInsideATownshipsNameDoNotHideIt() {
        HttpResponse<String> r = send("{\"externalId\": \"zw-1\", \"text\": \"踅\\u200b孜\\u200c镇某村道路塌陷，车辆无法通行\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Long item = jdbc.queryForObject("select id from opinion_item where channel_id = ? and external_id = 'zw-1'",
                Long.class, channel.id());
        assertThat(jdbc.queryForObject("select body from opinion_item where id = ?", String.class, item))
                .as("the citizen's text is kept as evidence, unchanged").contains("踅\u200b孜\u200c镇");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from item_analysis where item_id = ?", Integer.class, item) == 1);
        assertThat(jdbc.queryForObject("select places from item_analysis where item_id = ?", String.class, item))
                .contains("踅孜镇");
        Long candidate = jdbc.queryForObject("select candidate_id from item_analysis where item_id = ?", Long.class, item);
        Visitor analyst = new Visitor().signIn(server, "yanpan", DemoPassword.VALUE);
        assertThat(analyst.get(server, "/analysis/candidates/" + candidate).body()).contains("属地：踅孜镇人民政府");
    }

    @Test
    void textOfNothingButFormatCharactersIsRefusedWithItsReason() {
        HttpResponse<String> r = send("{\"externalId\": \"zw-2\", \"text\": \"\\u200b\\u200c\\u200d\\ufeff\\u202e \"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("rejected").contains("只有不可见字符");
        assertThat(items()).isZero();
    }

    @Test
    void halfACharacterIsRefusedRatherThanStoredAsAQuestionMark() {
        HttpResponse<String> r = send("{\"items\": [{\"externalId\": \"ls-1\", \"text\": \"停水三天\\ud800了\"},"
                + " {\"externalId\": \"ls-2\", \"text\": \"完整的字😡可以\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("残缺的字符").contains("\"created\":1");
        assertThat(jdbc.queryForObject("select body from opinion_item where channel_id = ?", String.class, channel.id()))
                .isEqualTo("完整的字😡可以");
    }

    @Test
    void aUrlPastTheLimitIsRefusedForItsLength() {
        String url = "https://weibo.example/" + "a".repeat(2_100);
        HttpResponse<String> r = send("{\"externalId\": \"url-1\", \"text\": \"网址很长\", \"url\": \"" + url + "\"}");
        assertThat(r.body()).contains("网址超过2000个字符").doesNotContain("http:// 或 https:// 开头");
        assertThat(items()).isZero();
    }

    @Test
    void duplicateFieldsAreRefusedNotSettledByTheLastOne() {
        HttpResponse<String> r = send("{\"externalId\": \"dup-1\", \"text\": \"第一个正文\", \"text\": \"第二个正文\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(r.body()).contains("重复的字段").contains("text").contains("\"title\":\"请求有误\"");
        assertThat(items()).isZero();
    }

    @Test
    void anOversizedHeaderIsAnsweredInChineseNotWithTheContainersPage() {
        HttpResponse<String> r = Visitor.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(server.url("/api/intake/items"))
                .header("X-Api-Key", key).header("Content-Type", "application/json").header("X-Padding", "x".repeat(20_000))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"头太大\"}")).build());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(r.body()).contains("请求头过大").doesNotContain("<html").doesNotContain("Bad Request");
        assertThat(r.body()).contains("\"title\":\"" + cn.yuqing.shared.Problems.title(r.statusCode()) + "\"");
        assertThat(items()).isZero();
    }
}

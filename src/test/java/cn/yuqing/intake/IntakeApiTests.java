package cn.yuqing.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON intake API: per-item results, idempotency, and refusals that lose nothing. */
@WebTest
class IntakeApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private long itemsOf(Channel channel) {
        return jdbc.queryForObject("select count(*) from opinion_item where channel_id = ?", Long.class, channel.id());
    }

    @Test
    void aBatchGetsOneResultPerItemAndABadItemNeverBlocksTheGoodOnes() throws Exception {
        Channel channel = fixtures.countyChannel(ChannelType.OTHER_ONLINE, 1);
        String key = fixtures.apiSource(channel).apiKey();
        String body = """
                {"items": [
                  {"externalId": "wb-1", "title": "桥梁封闭", "text": "踅孜镇大桥封闭施工，绕行五公里", "author": "@网友",
                   "publishedAt": "2027-07-11 22:10", "reposts": 120, "comments": 45},
                  {"externalId": "wb-2", "text": ""},
                  {"externalId": "wb-3", "text": "点赞数写错了", "likes": "很多"},
                  {"externalId": 4, "text": "数字编号也可以", "url": "https://weibo.example/4"},
                  {"externalId": "wb-5", "text": "未来的帖子", "publishedAt": "2099-01-01T00:00:00+08:00"},
                  {"externalId": "wb-6", "text": "网址不对", "url": "javascript:alert(1)"},
                  {"externalId": "wb-1", "text": "同一批内重复"}
                ]}""";
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(7))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.results[0].status").value("created"))
                .andExpect(jsonPath("$.results[1].reason").value("正文不能为空"))
                .andExpect(jsonPath("$.results[2].reason").value("字段 likes 应为整数"))
                .andExpect(jsonPath("$.results[3].status").value("created"))
                .andExpect(jsonPath("$.results[4].reason").value("发布时间晚于当前时间"))
                .andExpect(jsonPath("$.results[5].reason", containsString("网址格式不正确")))
                .andExpect(jsonPath("$.results[6].status").value("duplicate"));
        assertThat(itemsOf(channel)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select reposts from opinion_item where channel_id = ? and external_id = 'wb-1'",
                Long.class, channel.id())).isEqualTo(120L);

        // the whole batch again: nothing new
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(3));
        assertThat(itemsOf(channel)).isEqualTo(2);
    }

    @Test
    void theSameUrlIsOneItemWhateverItsSpelling() throws Exception {
        Channel channel = fixtures.countyChannel(ChannelType.PORTAL, 1);
        String key = fixtures.apiSource(channel).apiKey();
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"帖子\", \"url\": \"https://BBS.example.cn/t/88/?utm_source=x#reply\"}"))
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"同一帖子\", \"url\": \"http://bbs.example.cn/t/88\"}"))
                .andExpect(jsonPath("$.duplicates").value(1));
    }

    @Test
    void requestsThatCannotBeReadAreRefusedWholeWithAChineseMessage() throws Exception {
        Channel channel = fixtures.countyChannel(ChannelType.PORTAL, 1);
        String key = fixtures.apiSource(channel).apiKey();
        mvc.perform(post("/api/intake/items").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.message", containsString("API密钥无效")));
        mvc.perform(post("/api/intake/items").header("X-Api-Key", "yq_wrong").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\": [{\"text\": \"未闭合\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不是有效的JSON")));
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("[1, 2]")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.TEXT_PLAIN).content("text"))
                .andExpect(status().isUnsupportedMediaType());
        byte[] gbk = "{\"text\": \"国标编码的正文\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(gbk))
                .andExpect(status().isBadRequest());
        StringBuilder tooMany = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= ItemIntake.MAX_BATCH; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"text\":\"t").append(i).append("\"}");
        }
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(tooMany.append("]}").toString())).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", containsString("每批最多1000条")));
        assertThat(itemsOf(channel)).isZero();
    }

    @Test
    void scriptInPostTextIsStoredAsGivenAndNeverRendered() throws Exception {
        Channel channel = fixtures.countyChannel(ChannelType.WEIBO, 1);
        String key = fixtures.apiSource(channel).apiKey();
        String payload = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
        mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"text\": \"" + payload.replace("'", "\\u0027") + "\", \"title\": \"<b>粗体</b>\"}")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(jsonPath("$.created").value(1));
        assertThat(jdbc.queryForObject("select body from opinion_item where channel_id = ?", String.class, channel.id()))
                .isEqualTo(payload);
    }

    /** Found by the distributed benchmark: parallel batches of one key failed each other (409) after storing. */
    @Test
    void batchesPushedAtOnceWithOneKeyAreAllTaken() throws Exception {
        Channel channel = fixtures.countyChannel(ChannelType.OTHER_ONLINE, 1);
        String key = fixtures.apiSource(channel).apiKey();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String body = "{\"items\":[{\"externalId\":\"parallel-" + i + "\",\"text\":\"同时推送的第" + i + "批\"}]}";
            statuses.add(pool.submit(() -> mvc.perform(post("/api/intake/items").header("X-Api-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()));
        }
        for (java.util.concurrent.Future<Integer> s : statuses) {
            assertThat(s.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(itemsOf(channel)).isEqualTo(24L);
        assertThat(jdbc.queryForObject("select items_delivered from intake_source where channel_id = ? and kind = 'API'",
                Long.class, channel.id())).isEqualTo(24L);
    }
}

package cn.yuqing.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.Sources;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22, conversations, through the API only: a post, its reposts and its comments, sent with
 * what each replies to, form one candidate whatever their words; the same comments sent before
 * without their parent did not join it (they share no words with the post).
 */
@WebTest
class ConversationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String POST = "踅孜镇某村大桥被暴雨冲垮，有人被困！";
    static final List<String> COMMENTS = List.of("这桥去年就有裂缝，反映过多少次了，没人管？", "有没有人知道被困的人救上来没有？",
            "我家就在附近，现在还在下");

    @Autowired
    MockMvc mvc;
    @Autowired
    Channels channels;
    @Autowired
    Sources sources;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Candidates candidates;

    private String source(String name) {
        Long xuezi = directory.governmentOf("411526107").orElseThrow().id();
        Long channel = channels.create(new ChannelData(name + System.nanoTime(), ChannelType.WEIBO, xuezi, null, 1, true,
                java.util.Set.of()), DataScope.installation()).id();
        return sources.createApi(channel, DataScope.installation(), name + "接口" + System.nanoTime(), 60).apiKey();
    }

    private List<Long> send(String key, String body) throws Exception {
        String answer = mvc.perform(post("/api/intake/items").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : JSON.readTree(answer).get("results")) {
            assertThat(r.get("status").asString()).as(answer).isEqualTo("created");
            ids.add(r.get("itemId").asLong());
        }
        return ids;
    }

    private Long candidateOf(Long item) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from item_analysis where item_id = ?", Integer.class, item) == 1);
        return jdbc.queryForObject("select candidate_id from item_analysis where item_id = ?", Long.class, item);
    }

    @Test
    void aPostItsRepostsAndItsCommentsSentWithTheirParentFormOneCandidate() throws Exception {
        // the control, sent first: the same comments without their parent share no words with the post and stay apart
        List<Long> loose = send(source("另一渠道"), "{\"items\": [{\"externalId\": \"c-0\", \"text\": \"" + COMMENTS.get(0)
                + "\"}, {\"externalId\": \"c-1\", \"text\": \"" + COMMENTS.get(1) + "\"}]}");
        loose.forEach(this::candidateOf);
        String key = source("踅孜镇网友微博");
        StringBuilder items = new StringBuilder("{\"items\": [{\"externalId\": \"post-1\", \"url\": \"https://weibo.example/p/1\","
                + " \"text\": \"" + POST + "\"}");
        for (int i = 0; i < 12; i++) {
            items.append(", {\"externalId\": \"repost-").append(i).append("\", \"replyTo\": \"post-1\", \"text\": \"")
                    .append(i % 3 == 0 ? "转发微博" : "扩散！//@网友" + i + ": 求救援").append("\"}");
        }
        for (int i = 0; i < COMMENTS.size(); i++) {
            // a comment may name its post by URL, as a platform export does
            items.append(", {\"externalId\": \"comment-").append(i).append("\", \"replyTo\": \"")
                    .append(i == 0 ? "https://weibo.example/p/1" : "post-1").append("\", \"text\": \"").append(COMMENTS.get(i))
                    .append("\"}");
        }
        List<Long> ids = send(key, items.append("]}").toString());
        assertThat(ids).hasSize(16);

        Long candidate = candidateOf(ids.get(0));
        for (Long id : ids) {
            assertThat(candidateOf(id)).as("item %d", id).isEqualTo(candidate);
        }
        String listed = mvc.perform(get("/api/candidates").with(As.person(accounts, "yanpan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(listed).valueStream().filter(c -> c.get("id").asLong() == candidate).findFirst().orElseThrow()
                .get("items").asInt()).as("the demo's earlier posts on the bridge may be in it too").isGreaterThanOrEqualTo(16);
        JsonNode one = JSON.readTree(mvc.perform(get("/api/candidates/" + candidate).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(one.get("memberCount").asLong()).isGreaterThanOrEqualTo(16);
        assertThat(one.get("newestMembers").valueStream().filter(m -> !m.get("repliesTo").isNull()).count()).isEqualTo(15);
        for (Long id : loose) {
            assertThat(candidateOf(id)).as("%s", jdbc.queryForMap("select places, scheme_ids, keywords from item_analysis"
                    + " where item_id = ?", id)).isNotEqualTo(candidate);
        }
    }

    @Test
    void theAnalystsHandWorksThroughTheApiToo() throws Exception {
        String key = source("接口研判");
        List<Long> ids = send(key, "{\"items\": [{\"externalId\": \"h-1\", \"text\": \"伞陂镇农贸市场摊位费涨价，摊主有意见\"},"
                + " {\"externalId\": \"h-2\", \"text\": \"伞陂镇集市上有人反映摊位费收得不合理\"},"
                + " {\"externalId\": \"h-3\", \"text\": \"城区公园晚上路灯全灭，散步的人摔倒了\"}]}");
        Long lamp = candidateOf(ids.get(2));
        Long market = candidateOf(ids.get(0));
        var analyst = As.person(accounts, "yanpan");

        JsonNode item = JSON.readTree(mvc.perform(get("/api/items/" + ids.get(1)).with(analyst)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(item.get("text").asString()).contains("摊位费");
        Long second = item.get("candidateId").asLong();

        // the second market post into the lamp's candidate, then split out again, then merged with the first
        mvc.perform(post("/api/candidates/" + second + "/move").with(analyst).contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\": " + ids.get(1) + ", \"into\": " + lamp + "}")).andExpect(status().isOk());
        assertThat(candidateOf(ids.get(1))).isEqualTo(lamp);
        String split = mvc.perform(post("/api/candidates/" + lamp + "/split").with(analyst).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\": [" + ids.get(1) + "]}")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        Long alone = JSON.readTree(split).get("id").asLong();
        assertThat(candidateOf(ids.get(1))).isEqualTo(alone);
        if (!alone.equals(market)) {
            mvc.perform(post("/api/candidates/" + alone + "/merge").with(analyst).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"into\": " + market + "}")).andExpect(status().isOk());
        }
        assertThat(candidates.open(candidateOf(ids.get(1))).id()).isEqualTo(candidates.open(market).id());

        // malformed or out of place: refused with the reason, nothing moved
        mvc.perform(post("/api/candidates/" + lamp + "/move").with(analyst).contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\": \"一\", \"into\": " + market + "}")).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/candidates/" + lamp + "/move").with(analyst).contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\": " + ids.get(0) + ", \"into\": " + lamp + "}")).andExpect(status().is4xxClientError());
        assertThat(candidateOf(ids.get(0))).isEqualTo(market);
        mvc.perform(post("/api/candidates/" + lamp + "/merge").with(As.person(accounts, "jiankong"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"into\": " + market + "}")).andExpect(status().isForbidden());
    }
}

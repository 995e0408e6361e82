package cn.yuqing.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The monitor's capture form, the item page, and the duty to report at once (4.1). */
@WebTest
class CaptureAndItemTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifications notifications;

    private Long lastItem(Channel channel) {
        return jdbc.queryForObject("select max(id) from opinion_item where channel_id = ?", Long.class, channel.id());
    }

    @Test
    void aServiceHallVisitWithAPhotoIsCapturedOnceEvenIfTheFormIsSentTwice() throws Exception {
        Channel hall = fixtures.countyChannel(ChannelType.SERVICE_HALL, 1);
        String token = UUID.randomUUID().toString();
        var form = multipart("/intake/capture").file(new MockMultipartFile("files", "../../etc/passwd/来信.png", "image/png", PNG))
                .param("channelId", hall.id().toString()).param("formToken", token)
                .param("text", "来访群众反映：不动产登记材料清单与窗口要求不一致。").param("author", "李女士")
                .param("publishedAt", "2027-07-11T09:30").with(As.person(accounts, "jiankong")).with(csrf());
        mvc.perform(form).andExpect(redirectedUrlPattern("/intake/items/*"));
        mvc.perform(form).andExpect(redirectedUrlPattern("/intake/items/*"));
        assertThat(jdbc.queryForObject("select count(*) from opinion_item where channel_id = ?", Long.class, hall.id()))
                .isEqualTo(1);
        Long id = lastItem(hall);
        Long attachment = jdbc.queryForObject("select id from item_attachment where item_id = ?", Long.class, id);
        assertThat(jdbc.queryForObject("select file_name from item_attachment where id = ?", String.class, attachment))
                .isEqualTo("来信.png");
        mvc.perform(get("/intake/items/" + id).with(As.person(accounts, "jiankong")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不动产登记材料清单")));
        mvc.perform(get("/intake/attachments/" + attachment).with(As.person(accounts, "jiankong")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aFileThatIsNotAnImageOrPdfIsRefusedAndNothingIsStored() throws Exception {
        Channel hall = fixtures.countyChannel(ChannelType.SERVICE_HALL, 1);
        mvc.perform(multipart("/intake/capture")
                        .file(new MockMultipartFile("files", "截图.png", "image/png", "MZ\u0090\u0000 fake exe".getBytes()))
                        .param("channelId", hall.id().toString()).param("formToken", UUID.randomUUID().toString())
                        .param("text", "带可疑附件的录入").with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("不是图片（PNG、JPEG、GIF、WebP）或PDF文件")));
        assertThat(lastItem(hall)).isNull();
    }

    @Test
    void anEmptyTextIsRefusedWithTheFormKept() throws Exception {
        Channel hall = fixtures.countyChannel(ChannelType.SERVICE_HALL, 1);
        mvc.perform(post("/intake/capture").param("channelId", hall.id().toString())
                        .param("formToken", UUID.randomUUID().toString()).param("text", "   ").param("title", "只有标题")
                        .with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("正文不能为空")))
                .andExpect(content().string(containsString("只有标题")));
    }

    @Test
    void collectedMarkupIsShownAsTextNeverAsHtml() throws Exception {
        Channel web = fixtures.countyChannel(ChannelType.PORTAL, 1);
        mvc.perform(post("/intake/capture").param("channelId", web.id().toString())
                .param("formToken", UUID.randomUUID().toString())
                .param("title", "<img src=x onerror=alert(1)>").param("text", "<script>alert('canary')</script>正文")
                .with(As.person(accounts, "jiankong")).with(csrf()));
        mvc.perform(get("/intake/items/" + lastItem(web)).with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;canary&#39;)&lt;/script&gt;正文")))
                .andExpect(content().string(not(containsString("<script>alert('canary')"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void aTownshipMonitorCannotReadACountyItemEvenByUrl() throws Exception {
        Channel county = fixtures.countyChannel(ChannelType.PORTAL, 1);
        mvc.perform(post("/intake/capture").param("channelId", county.id().toString())
                .param("formToken", UUID.randomUUID().toString()).param("text", "县级渠道的信息")
                .with(As.person(accounts, "jiankong")).with(csrf()));
        Long id = lastItem(county);
        mvc.perform(get("/intake/items/" + id).with(As.person(accounts, "jiankong.xuezi"))).andExpect(status().isNotFound());
        mvc.perform(get("/intake/items").param("q", "县级渠道").with(As.person(accounts, "jiankong.xuezi")))
                .andExpect(content().string(not(containsString("/intake/items/" + id + "\""))));
        mvc.perform(get("/intake/items").param("q", "县级渠道").with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("/intake/items/" + id + "\"")));
        // nor capture into a channel outside the scope
        mvc.perform(post("/intake/capture").param("channelId", county.id().toString())
                        .param("formToken", UUID.randomUUID().toString()).param("text", "越权录入")
                        .with(As.person(accounts, "jiankong.xuezi")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("无权在该渠道录入")));
    }

    @Test
    void anUrgentItemIsReportedAtOnceToTheAnalystAndTheUnitsLeaders() throws Exception {
        Long analyst = accounts.loadUserByUsername("yanpan").personId();
        Long leader = accounts.loadUserByUsername("xianzhang").personId();
        Long responder = accounts.loadUserByUsername("xuezi.huiying").personId();
        long analystBefore = notifications.unread(analyst);
        long leaderBefore = notifications.unread(leader);
        long responderBefore = notifications.unread(responder);
        Channel hall = fixtures.countyChannel(ChannelType.SERVICE_HALL, 1);
        mvc.perform(post("/intake/capture").param("channelId", hall.id().toString())
                .param("formToken", UUID.randomUUID().toString()).param("text", "多名群众聚集反映拖欠工资")
                .param("urgent", "true").param("urgentReason", "现场情绪激动")
                .with(As.person(accounts, "jiankong")).with(csrf()));
        assertThat(notifications.unread(analyst)).isEqualTo(analystBefore + 1);
        assertThat(notifications.unread(leader)).isEqualTo(leaderBefore + 1);
        assertThat(notifications.unread(responder)).isEqualTo(responderBefore);
        assertThat(notifications.inbox(analyst)).anySatisfy(n -> {
            assertThat(n.title()).isEqualTo("紧急舆情：多名群众聚集反映拖欠工资");
            assertThat(n.urgent()).isTrue();
            assertThat(n.body()).contains("现场情绪激动");
        });
        assertThat(jdbc.queryForObject("select reported_at is not null from opinion_item where id = ?", Boolean.class,
                lastItem(hall))).isTrue();
        mvc.perform(get("/notifications").with(As.person(accounts, "yanpan")))
                .andExpect(content().string(containsString("紧急舆情：多名群众聚集反映拖欠工资")));
    }

    @Test
    void anAnnotationCorrectsWithoutEditingTheEvidence() throws Exception {
        Channel web = fixtures.countyChannel(ChannelType.PORTAL, 1);
        mvc.perform(post("/intake/capture").param("channelId", web.id().toString())
                .param("formToken", UUID.randomUUID().toString()).param("text", "原文：桥梁于7月1日封闭")
                .with(As.person(accounts, "jiankong")).with(csrf()));
        Long id = lastItem(web);
        mvc.perform(post("/intake/items/" + id + "/annotations").param("text", "更正：封闭日期应为7月10日")
                .with(As.person(accounts, "yanpan")).with(csrf())).andExpect(redirectedUrlPattern("/intake/items/*"));
        mvc.perform(get("/intake/items/" + id).with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("原文：桥梁于7月1日封闭")))
                .andExpect(content().string(containsString("更正：封闭日期应为7月10日")));
        mvc.perform(post("/intake/items/" + id + "/annotations").param("text", "越权批注")
                .with(As.person(accounts, "zhujian.huiying")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void searchFindsChineseWordsAndFiltersByUnitAndChannel() throws Exception {
        Channel county = fixtures.countyChannel(ChannelType.PORTAL, 1);
        Channel township = fixtures.townshipChannel();
        for (Channel c : java.util.List.of(county, township)) {
            mvc.perform(post("/intake/capture").param("channelId", c.id().toString())
                    .param("formToken", UUID.randomUUID().toString()).param("text", "反映化粪池满溢，气味难闻，渠道" + c.id())
                    .with(As.person(accounts, "jiankong")).with(csrf()));
        }
        Long countyItem = lastItem(county);
        Long townshipItem = lastItem(township);
        mvc.perform(get("/intake/items").param("q", "化粪池").with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("/intake/items/" + countyItem + "\"")))
                .andExpect(content().string(containsString("/intake/items/" + townshipItem + "\"")))
                .andExpect(content().string(containsString("<mark>化粪池</mark>")));
        mvc.perform(get("/intake/items").param("q", "化粪池").param("unit", township.unitId().toString())
                        .with(As.person(accounts, "jiankong")))
                .andExpect(content().string(not(containsString("/intake/items/" + countyItem + "\""))))
                .andExpect(content().string(containsString("/intake/items/" + townshipItem + "\"")));
        mvc.perform(get("/intake/items").param("q", "化粪池").param("channel", county.id().toString())
                        .with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("/intake/items/" + countyItem + "\"")))
                .andExpect(content().string(not(containsString("/intake/items/" + townshipItem + "\""))));
        mvc.perform(get("/intake/items").param("from", "昨天").with(As.person(accounts, "jiankong")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("日期格式不正确")));
    }
}

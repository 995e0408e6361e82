package cn.yuqing.intake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yuqing.notification.Notifications;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal feeds served on loopback and a public mailbox on an in-JVM IMAP server, read for real. */
@WebTest
class FeedAndMailboxTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("xinxiang@hc.gov.cn", "xinxiang", "mail-Pa55"))
            .withPerMethodLifecycle(false);

    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    Sources sources;
    @Autowired
    FeedPoller feeds;
    @Autowired
    MailboxPoller mailboxes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    cn.yuqing.shared.DataCipher cipher;
    @Autowired
    MutableClock clock;
    @Autowired
    Notifications notifications;
    @Autowired
    Accounts accounts;

    HttpServer server;
    volatile byte[] feedBody;
    volatile String feedType = "application/rss+xml; charset=UTF-8";
    volatile int feedStatus = 200;

    @BeforeEach
    void serveFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", feedType);
            exchange.sendResponseHeaders(feedStatus, feedStatus == 200 ? feedBody.length : -1);
            if (feedStatus == 200) {
                exchange.getResponseBody().write(feedBody);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFeed() {
        server.stop(0);
    }

    private String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rss";
    }

    private long items(Channel channel) {
        return jdbc.queryForObject("select count(*) from opinion_item where channel_id = ?", Long.class, channel.id());
    }

    static String rss(String encoding, String... entries) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><rss version=\"2.0\"><channel>"
                + "<title>潢川县人民政府</title><link>http://www.huangchuan.gov.cn</link><description>政务公开</description>");
        for (String e : entries) {
            sb.append(e);
        }
        return sb.append("</channel></rss>").toString();
    }

    static String entry(String guid, String title, String description) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>http://www.huangchuan.gov.cn/" + guid
                + ".html</link><description><![CDATA[" + description + "]]></description>"
                + "<pubDate>Mon, 12 Jul 2027 08:00:00 +0800</pubDate></item>";
    }

    @Test
    void aPortalFeedIsReadEntryByEntryAndReadingItAgainAddsNothing() {
        Channel portal = fixtures.countyChannel(ChannelType.OPEN_AFFAIRS, 1);
        feedBody = rss("UTF-8", entry("zwgk-1", "关于城区道路改造的公示", "<p>城区<b>道路</b>改造</p><script>alert(1)</script>"),
                entry("zwgk-2", "2027年医保缴费通知", "缴费时间为9月1日至12月31日")).getBytes(StandardCharsets.UTF_8);
        IntakeSource feed = sources.createFeed(portal.id(), DataScope.installation(), "门户网站政务公开RSS", feedUrl(), 30, 120);
        assertThat(feeds.poll(feed)).isEqualTo(2);
        assertThat(feeds.poll(feed)).isZero();
        assertThat(items(portal)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select body from opinion_item where channel_id = ? and external_id = 'zwgk-1'",
                String.class, portal.id())).isEqualTo("城区道路改造");
        IntakeSource after = sources.require(feed.id(), DataScope.installation());
        assertThat(after.itemsDelivered()).isEqualTo(2);
        assertThat(after.lastError()).isNull();
    }

    /** RFC 4685: a comment feed says what each comment replies to; the comment keeps its parent. */
    @Test
    void anAtomCommentFeedGivesEachCommentItsParent() {
        Channel forum = fixtures.countyChannel(ChannelType.OTHER_ONLINE, 1);
        feedType = "application/atom+xml; charset=UTF-8";
        String post = "tag:bbs.example.cn,2027:post-88";
        feedBody = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:thr=\"http://purl.org/syndication/thread/1.0\"><title>潢川论坛</title><id>tag:bbs.example.cn,2027:feed</id>"
                + "<updated>2027-07-12T00:00:00Z</updated>"
                + "<entry><id>" + post + "</id><title>踅孜镇的桥塌了</title><updated>2027-07-12T00:00:00Z</updated>"
                + "<content type=\"text\">暴雨冲垮踅孜镇一村道桥梁，有人被困</content></entry>"
                + "<entry><id>tag:bbs.example.cn,2027:comment-1</id><title>回复</title><updated>2027-07-12T00:05:00Z</updated>"
                + "<thr:in-reply-to ref=\"" + post + "\" href=\"http://bbs.example.cn/post-88\"/>"
                + "<content type=\"text\">有没有人知道被困的人救上来没有？</content></entry></feed>").getBytes(StandardCharsets.UTF_8);
        IntakeSource feed = sources.createFeed(forum.id(), DataScope.installation(), "论坛Atom", feedUrl(), 30, null);
        assertThat(feeds.poll(feed)).isEqualTo(2);
        Map<String, Object> comment = jdbc.queryForMap("select reply_to, parent_id from opinion_item where channel_id = ? "
                + "and external_id = 'tag:bbs.example.cn,2027:comment-1'", forum.id());
        Long parent = jdbc.queryForObject("select id from opinion_item where channel_id = ? and external_id = ?", Long.class,
                forum.id(), post);
        assertThat(comment.get("reply_to")).isEqualTo(post);
        assertThat(((Number) comment.get("parent_id")).longValue()).isEqualTo(parent);
    }

    @Test
    void aGb2312FeedServedAsPlainXmlIsDecodedFromItsProlog() {
        Channel portal = fixtures.countyChannel(ChannelType.PORTAL, 1);
        feedType = "text/xml";
        feedBody = rss("GB2312", entry("gb-1", "县政府召开常务会议", "会议研究了防汛工作")).getBytes(Charset.forName("GB2312"));
        IntakeSource feed = sources.createFeed(portal.id(), DataScope.installation(), "GB2312订阅", feedUrl(), 30, null);
        assertThat(feeds.poll(feed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select title from opinion_item where channel_id = ?", String.class, portal.id()))
                .isEqualTo("县政府召开常务会议");
    }

    @Test
    void aBrokenFeedShowsItsErrorAndASilentSourceIsRaisedOnce() {
        Channel portal = fixtures.countyChannel(ChannelType.PORTAL, 1);
        feedStatus = 503;
        IntakeSource feed = sources.createFeed(portal.id(), DataScope.installation(), "坏掉的订阅", feedUrl(), 30, 60);
        assertThat(feeds.poll(feed)).isZero();
        IntakeSource after = sources.require(feed.id(), DataScope.installation());
        assertThat(after.lastError()).isEqualTo("订阅地址返回 HTTP 503");
        assertThat(after.health(clock.instant())).isEqualTo("出错");

        Long monitor = accounts.loadUserByUsername("jiankong").personId();
        Long admin = accounts.loadUserByUsername("guanli").personId();
        clock.advance(Duration.ofMinutes(61));
        sources.alertSilentSources();
        sources.alertSilentSources();
        String title = "采集来源沉默：坏掉的订阅";
        assertThat(notifications.inbox(monitor).stream().filter(n -> n.title().equals(title)).count()).isEqualTo(1);
        assertThat(notifications.inbox(admin).stream().filter(n -> n.title().equals(title)).count()).isEqualTo(1);

        feedStatus = 200;
        feedBody = rss("UTF-8", entry("back-1", "恢复", "恢复正常")).getBytes(StandardCharsets.UTF_8);
        feeds.poll(feed);
        assertThat(sources.require(feed.id(), DataScope.installation()).health(clock.instant())).isEqualTo("正常");
    }

    @Test
    void lettersInThePublicMailboxBecomeItemsWithTheirPhotosAndAreReadOnce() throws Exception {
        Channel mailbox = fixtures.countyChannel(ChannelType.MAILBOX, 1);
        Session session = Session.getInstance(new Properties());
        MimeMessage letter = new MimeMessage(session);
        letter.setFrom(new InternetAddress("citizen@example.cn", "王女士", "UTF-8"));
        letter.setRecipients(jakarta.mail.Message.RecipientType.TO, "xinxiang@hc.gov.cn");
        letter.setSubject("反映小区供水问题", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("近一周小区每天停水，物业说是管网问题，请有关部门协调解决。", "UTF-8");
        MimeBodyPart photo = new MimeBodyPart();
        photo.setContent(CaptureAndItemTests.PNG, "image/png");
        photo.setFileName("停水通知.png");
        photo.setDisposition(jakarta.mail.Part.ATTACHMENT);
        MimeBodyPart exe = new MimeBodyPart();
        exe.setContent("MZ not an image".getBytes(), "application/octet-stream");
        exe.setFileName("tool.exe");
        exe.setDisposition(jakarta.mail.Part.ATTACHMENT);
        letter.setContent(new MimeMultipart(text, photo, exe));
        letter.saveChanges();
        mail.getUserManager().getUserByEmail("xinxiang@hc.gov.cn").deliver(letter);

        IntakeSource source = sources.createMailbox(mailbox.id(), DataScope.installation(), "县长信箱", "127.0.0.1",
                mail.getImap().getPort(), false, "xinxiang", "mail-Pa55", "INBOX", 10, 24 * 60);
        assertThat(mailboxes.poll(source)).isEqualTo(1);
        assertThat(mailboxes.poll(source)).isZero();
        var row = jdbc.queryForMap("select id, title, body, author, contact from opinion_item where channel_id = ?", mailbox.id());
        assertThat(row.get("title")).isEqualTo("反映小区供水问题");
        assertThat((String) row.get("body")).contains("每天停水");
        // the name is the author; the address, the way back, is the item's contact and encrypted at rest
        assertThat(row.get("author")).isEqualTo("王女士");
        assertThat((String) row.get("contact")).startsWith("enc:v1:SM4:").doesNotContain("citizen");
        assertThat(cipher.decrypt((String) row.get("contact"))).isEqualTo("citizen@example.cn");
        assertThat(jdbc.queryForObject("select mail_password from intake_source where id = ?", String.class, source.id()))
                .startsWith("enc:v1:SM4:").doesNotContain("mail-Pa55");
        assertThat(jdbc.queryForList("select file_name from item_attachment where item_id = ?", String.class, row.get("id")))
                .containsExactly("停水通知.png");
    }

    @Test
    void aMailboxWithTheWrongPasswordShowsItsError() {
        Channel mailbox = fixtures.countyChannel(ChannelType.MAILBOX, 1);
        IntakeSource source = sources.createMailbox(mailbox.id(), DataScope.installation(), "密码错误的信箱", "127.0.0.1",
                mail.getImap().getPort(), false, "xinxiang", "wrong", "INBOX", 10, null);
        assertThat(mailboxes.poll(source)).isZero();
        assertThat(sources.require(source.id(), DataScope.installation()).lastError()).startsWith("读取信箱失败");
    }
}

package cn.yuqing.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.Sources;
import cn.yuqing.notification.Deliveries;
import cn.yuqing.notification.GroupRobot;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.shared.DataCipher;
import cn.yuqing.shared.DataKeyRotation;
import cn.yuqing.shared.EncryptedColumns;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * 等保 level 3: what is secret or personal is encrypted at rest — read from the database as an
 * attacker with a copy of it would, no secret, phone number or e-mail address appears — the start is
 * refused when the key to encrypted data is missing or wrong, and the key rotates by command.
 */
@WebTest
class SecretsAtRestTests {

    static final String PHONE = "13912345678";
    static final String EMAIL = "zhao.min.private@example.cn";
    static final String MAIL_PASSWORD = "Mailbox-Secret-Pa55";
    static final String ROBOT_SECRET = "SEC0123456789abcdefRobotSigning";
    static final String ROBOT_TOKEN = "access_token=robot-token-987654321";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Sources sources;
    @Autowired
    Channels channels;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EncryptedColumns columns;
    @Autowired
    DataKeyRotation rotation;
    @Autowired
    DataCipher cipher;

    private void storeSecretsAndPersonalData() throws Exception {
        var person = directory.person("zhujian.huiying").orElseThrow();
        mvc.perform(post("/organisation/people/" + person.id()).with(As.person(accounts, "guanli")).with(csrf())
                .param("version", Long.toString(person.version())).param("username", person.username())
                .param("fullName", person.fullName()).param("unitId", person.unit().id().toString()).param("roles", "RESPONDER")
                .param("phone", PHONE).param("email", EMAIL).param("enabled", "true"));
        var county = directory.governmentOfficeOf("411526").orElseThrow().id();
        var channel = channels.create(new ChannelData("县长信箱（加密测试）" + System.nanoTime(), ChannelType.MAILBOX, county, null, 1, true,
                java.util.Set.of()), DataScope.forSystemTask("test"));
        sources.createMailbox(channel.id(), DataScope.forSystemTask("test"), "县长信箱", "127.0.0.1", 993, true, "xinxiang",
                MAIL_PASSWORD, "INBOX", 10, null);
        deliveries.addRobot(county, GroupRobot.Kind.DINGTALK, "值班群", "https://oapi.dingtalk.com/robot/send?" + ROBOT_TOKEN,
                ROBOT_SECRET, false);
    }

    @Test
    void aCopyOfTheDatabaseShowsNoSecretPhoneNumberOrEmailAddress() throws Exception {
        storeSecretsAndPersonalData();
        // H2's SCRIPT writes every row of every table, the audit and the outbox included
        String everything = String.join("\n", jdbc.queryForList("script", String.class));
        for (String secret : List.of(PHONE, EMAIL, MAIL_PASSWORD, ROBOT_SECRET, ROBOT_TOKEN)) {
            assertThat(everything).as(secret).doesNotContain(secret);
        }
        assertThat(columns.all()).extracting(EncryptedColumns.Column::toString).anySatisfy(c -> assertThat(c).contains("mail_password"))
                .anySatisfy(c -> assertThat(c).contains("phone")).anySatisfy(c -> assertThat(c).contains("webhook_url"));
        // and the system reads them as before
        var person = directory.person("zhujian.huiying").orElseThrow();
        assertThat(person.phone()).isEqualTo(PHONE);
        mvc.perform(get("/organisation/people/" + person.id()).with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString(PHONE)));
    }

    @Test
    void theStartIsRefusedWithoutTheKeyOrWithAnother() throws Exception {
        storeSecretsAndPersonalData();
        var guard = guard(new DataCipher("", "", DataCipher.Algorithm.SM4));
        assertThatThrownBy(guard::check).hasMessageContaining("未提供数据加密密钥").hasMessageContaining("YUQING_DATA_KEY");
        var another = guard(new DataCipher(cn.yuqing.shared.DataCipherTests.KEY_B, "", DataCipher.Algorithm.SM4));
        assertThatThrownBy(another::check).hasMessageContaining("不符");
        guard(cipher).check();
    }

    @Test
    void theKeyRotatesByCommandAndTheOldKeyReadsUntilItHasFinished() throws Exception {
        storeSecretsAndPersonalData();
        String keyA = cn.yuqing.shared.DataCipherTests.KEY_A;
        String keyB = cn.yuqing.shared.DataCipherTests.KEY_B;
        var toB = new DataCipher(keyB, keyA, DataCipher.Algorithm.SM4);
        try {
            Map<String, Integer> rewritten = rotation.rotate(toB);
            assertThat(rewritten.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(3);
            for (EncryptedColumns.Column c : columns.all()) {
                for (String v : jdbc.queryForList("select " + c.column() + " from " + c.table() + " where " + c.column()
                        + " is not null", String.class)) {
                    assertThat(toB.current(v)).as(c + " " + v).isTrue();
                }
            }
            assertThat(rotation.rotate(toB).values()).allMatch(n -> n == 0);
            assertThat(toB.decrypt(jdbc.queryForObject("select phone from person where username = 'zhujian.huiying'", String.class)))
                    .isEqualTo(PHONE);
        } finally {
            rotation.rotate(new DataCipher(keyA, keyB, DataCipher.Algorithm.SM4));
        }
        assertThat(directory.person("zhujian.huiying").orElseThrow().phone()).isEqualTo(PHONE);
    }

    private cn.yuqing.shared.EncryptedDataGuard guard(DataCipher with) {
        return new cn.yuqing.shared.EncryptedDataGuard(columns, with, jdbc);
    }
}

package cn.yuqing.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.FileSystemUtils;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.BackupStarting;
import cn.yuqing.shared.Times;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit kept and handed over (等保 2.0 level 3): a period exported by the audit administrator
 * verifies with the assessor's check and fails after one byte is changed; entries past the retention
 * period go to an archive that verifies, the live chain verifying from the boundary; an anchor taken
 * outside the database reveals a chain rewritten after it.
 *
 * <p>A context of its own: archiving empties the live table of everything older than the retention
 * period, which the other tests of the shared context would miss. Each test moves the clock on past
 * what the ones before archived, and records what it needs on a day of its own.
 */
@WebTest
@TestPropertySource(properties = {"yuqing.audit.anchor-file=target/audit-keeping/audit-anchors.txt",
        "yuqing.audit.archive-dir=target/audit-keeping/audit-archive"})
class AuditKeepingTests {

    static final Path FILES = Path.of("target/audit-keeping");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditKeeping keeping;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    AuditArchive archive;
    @Autowired
    AuditKeepingSettings settings;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeAll
    static void freshFiles() throws IOException {
        FileSystemUtils.deleteRecursively(FILES);
    }

    /** A day after anything archived so far, with two changes recorded on it; returns the day. */
    LocalDate aDayWithTwoChanges() throws Exception {
        clock.advance(Duration.ofDays(400));
        twoChanges();
        return LocalDate.ofInstant(clock.instant(), Times.ZONE);
    }

    void twoChanges() throws Exception {
        for (String name : List.of("伞陂镇（核验）", "伞陂镇")) {
            mvc.perform(post("/organisation/regions/411526102/name").param("name", name).with(As.person(accounts, "guanli"))
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }
    }

    @Test
    void anExportedPeriodVerifiesWithTheCheckAndFailsAfterOneByteIsChanged() throws Exception {
        LocalDate day = aDayWithTwoChanges();
        mvc.perform(post("/audit/export").param("from", day.toString()).param("to", day.toString())
                .with(As.person(accounts, "kaohe")).with(csrf())).andExpect(status().isForbidden());

        MvcResult result = mvc.perform(post("/audit/export").param("from", day.toString()).param("to", day.toString())
                        .with(As.person(accounts, "shenji")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("yuqing-audit-" + day + "_" + day + ".jsonl")))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        Path file = Files.createDirectories(FILES).resolve("export.jsonl");
        Files.write(file, bytes);
        AuditExportCheck.Outcome outcome = AuditExportCheck.check(file, null);
        assertThat(outcome.intact()).as(String.join("\n", outcome.report())).isTrue();
        assertThat(outcome.report()).anySatisfy(line -> assertThat(line).contains("，共2条：")).contains("文件摘要（SM3）相符");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"subject\":\"region/411526102\"", "伞陂镇（核验）", "\"exportedBy\":\"shenji\"",
                "\"installation\":\"潢川县人民政府\"");

        // the export is on the record: who, which period, and the digest of what they took away
        AuditEntry exported = trail.recent(1, "audit-period/").get(0);
        assertThat(exported.actor()).isEqualTo("shenji");
        assertThat(exported.subject()).isEqualTo("audit-period/" + day + "至" + day);
        assertThat(text).endsWith(exported.after().replaceAll(".*\"digest\":\"([0-9a-f]{64})\".*", "$1") + "\"}\n");
        mvc.perform(get("/audit").param("person", "高峰").with(As.person(accounts, "shenji")))
                .andExpect(content().string(containsString("导出操作记录供测评核验（时段：" + day + "至" + day + "）")));

        bytes[bytes.length / 3] ^= 0x01;
        Path changed = Files.write(FILES.resolve("export-changed.jsonl"), bytes);
        assertThat(AuditExportCheck.check(changed, null).intact()).isFalse();
    }

    @Test
    void anEmptyOrBackwardPeriodIsRefusedInWords() throws Exception {
        mvc.perform(post("/audit/export").param("from", "2099-01-01").param("to", "2099-01-31")
                        .with(As.person(accounts, "shenji")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("这一时段没有操作记录")));
        mvc.perform(post("/audit/export").param("from", "2027-07-12").param("to", "2027-07-01")
                        .with(As.person(accounts, "shenji")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("截止日期不能早于起始日期")));
        mvc.perform(get("/audit").with(As.person(accounts, "shenji"))).andExpect(content().string(containsString("导出文件")));
        mvc.perform(get("/audit").with(As.person(accounts, "kaohe"))).andExpect(content().string(
                org.hamcrest.Matchers.not(containsString("导出文件"))));
    }

    @Test
    void entriesPastRetentionMoveToAnArchiveThatVerifiesAndTheLiveChainStillVerifiesFromItsBoundary() throws Exception {
        aDayWithTwoChanges();
        trail.chainWaiting();
        long old = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        clock.advance(Duration.ofDays(settings.retentionDays()).plusDays(1));
        twoChanges();
        trail.chainWaiting();
        long kept = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);

        keeping.daily();

        AuditArchive.Archived made = archive.list(1).get(0);
        assertThat(made.lastSeq()).isGreaterThanOrEqualTo(old).isLessThan(kept - 1);
        assertThat(trail.entry(old)).isEmpty();
        assertThat(trail.entry(kept)).isPresent();
        Path file = settings.archiveDir().resolve(made.fileName());
        AuditExportCheck.Outcome outcome = AuditExportCheck.check(file, anchors.file());
        assertThat(outcome.intact()).as(String.join("\n", outcome.report())).isTrue();
        assertThat(Files.readString(file)).contains("\"seq\":" + old + ",", "\"kind\":\"archive\"");
        assertThat(outcome.report()).contains("结论：完整，未发现改动。").anySatisfy(line -> assertThat(line).contains("由 系统 于"));

        ChainVerification live = trail.verify();
        assertThat(live.intact()).as(live.problem()).isTrue();
        assertThat(live.archivedThroughSeq()).isEqualTo(made.lastSeq());
        assertThat(trail.recent(1, "audit-archive/").get(0).actor()).isEqualTo("system");
        mvc.perform(get("/audit/verify").with(As.person(accounts, "shenji")))
                .andExpect(content().string(containsString("第" + made.lastSeq() + "条及之前的记录已归档")))
                .andExpect(content().string(containsString("操作记录在数据库中保存 180 天")));

        // tampering after the archiving is still found: in the live entries, and in the boundary they start from
        String subject = jdbc.queryForObject("select subject from audit_entry where seq = ?", String.class, kept);
        jdbc.update("update audit_entry set subject = 'unit/forged' where seq = ?", kept);
        try {
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(kept);
        } finally {
            jdbc.update("update audit_entry set subject = ? where seq = ?", subject, kept);
        }
        jdbc.update("update audit_boundary set last_hash = ? where id = 1", "0".repeat(64));
        try {
            assertThat(trail.verify().problem()).isEqualTo("第" + (made.lastSeq() + 1) + "条记录与前一条的链接不符");
        } finally {
            jdbc.update("update audit_boundary set last_hash = ? where id = 1", made.lastHash());
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anAnchorTakenDailyRevealsAChainRewrittenAfterIt() throws Exception {
        aDayWithTwoChanges();
        keeping.daily();
        Anchor anchor = anchors.latest().orElseThrow();
        assertThat(anchor.reason()).isEqualTo(Anchor.DAILY);
        assertThat(Files.readString(anchors.file())).contains(anchor.line());
        mvc.perform(get("/audit/verify").with(As.person(accounts, "shenji")))
                .andExpect(content().string(containsString("链中第" + anchor.seq() + "条的哈希与锚点一致")));

        // someone with the database rewrites an earlier entry and every hash after it: the chain verifies again
        long from = anchor.seq() - 1;
        trail.chainWaiting();
        List<Map<String, Object>> genuine = jdbc.queryForList("select * from audit_entry where seq >= ? order by seq", from);
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
        String prev = (String) genuine.get(0).get("prev_hash");
        for (AuditEntry e : trail.entries(from - 1, Long.MAX_VALUE)) {
            AuditEntry forged = ChainHash.link(new AuditEntry(e.seq(), e.recordedAt(), e.actor(), e.action(),
                    e.seq() == from ? "region/forged" : e.subject(), e.before(), e.after(), e.origin(), null, null), prev);
            prev = forged.hash();
            jdbc.update("update audit_entry set subject = ?, prev_hash = ?, hash = ? where seq = ?", forged.subject(),
                    forged.prevHash(), forged.hash(), e.seq());
        }
        jdbc.update("update audit_head set last_hash = ? where id = 1", prev);
        try {
            assertThat(trail.verify().intact()).isTrue();
            mvc.perform(get("/audit/verify").with(As.person(accounts, "shenji")))
                    .andExpect(content().string(containsString("链中第" + anchor.seq() + "条的哈希与锚点不符")))
                    .andExpect(content().string(containsString("alert-danger")));
        } finally {
            for (Map<String, Object> row : genuine) {
                jdbc.update("update audit_entry set subject = ?, prev_hash = ?, hash = ? where seq = ?", row.get("subject"),
                        row.get("prev_hash"), row.get("hash"), row.get("seq"));
            }
            jdbc.update("update audit_head set last_hash = ? where id = 1", head.get("last_hash"));
        }
        assertThat(anchors.check(anchor, trail.verify()).confirmed()).isTrue();
    }

    @Test
    void aBackupAnchorsTheHeadBeforeItIsWritten() {
        ChainPoint head = trail.head();
        events.publishEvent(new BackupStarting(clock.instant()));
        Anchor anchor = anchors.latest().orElseThrow();
        assertThat(anchor.reason()).isEqualTo(Anchor.BACKUP);
        assertThat(new ChainPoint(anchor.seq(), anchor.hash())).isEqualTo(head);
    }
}

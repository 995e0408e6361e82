package cn.yuqing.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * Issue 17: an append takes no lock. A transaction that has appended and not yet committed holds
     * up no other's append or commit (before, the second waited on the head row until the first
     * ended), and the chain follows the order in which the changes committed.
     */
    @Test
    void anAppendTakesNoLockAndTheChainFollowsTheOrderOfCommits() throws Exception {
        var appended = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> tx.executeWithoutResult(s -> {
                trail.append("test", "organisation:region:update", "region/open-first", null, "{}", null);
                appended.countDown();
                await(release);
            }));
            await(appended);
            // the bound only keeps a regression from hanging the build: without a lock this returns at once
            java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(s ->
                    trail.append("test", "organisation:region:update", "region/committed-second", null, "{}", null)))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(trail.recent(1, "region/committed-second")).hasSize(1);
            assertThat(trail.recent(1, "region/open-first")).as("not committed yet, not on the chain").isEmpty();
            release.countDown();
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        long second = trail.recent(1, "region/committed-second").get(0).seq();
        long firstSeq = trail.recent(1, "region/open-first").get(0).seq();
        assertThat(firstSeq).as("linked after the one that committed before it").isGreaterThan(second);
        assertThat(trail.verify().intact()).isTrue();
    }

    /** The head row is the one installation-wide lock left: the chainer holds it once per batch, and the time is measured. */
    @Test
    void theChainerHoldsTheHeadOncePerBatchAndARolledBackChangeLeavesNothingWaiting() {
        trail.chainWaiting();
        var timer = registry.get("yuqing.audit.head.lock").timer();
        long before = timer.count();
        for (int i = 0; i < 3; i++) {
            tx.executeWithoutResult(s -> trail.append("test", "organisation:region:update", "region/lock-test", null, "{}", null));
        }
        tx.executeWithoutResult(s -> {
            trail.append("test", "organisation:region:update", "region/rolled-back", null, "{}", null);
            s.setRollbackOnly();
        });
        assertThat(timer.count()).as("appends hold nothing").isEqualTo(before);
        assertThat(trail.chainWaiting()).as("ours, and any a background task wrote").isGreaterThanOrEqualTo(3);
        assertThat(timer.count()).as("three entries, one batch, one hold").isEqualTo(before + 1);
        long held;
        int linked;
        do {
            held = timer.count();
            linked = trail.chainWaiting();
        } while (linked > 0);
        assertThat(timer.count()).as("nothing waiting, no lock taken").isEqualTo(held);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(trail.recent(1, "region/rolled-back")).isEmpty();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("never reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangeIsRecordedWithWhoWhatBeforeAfterAndTheRequest() throws Exception {
        mvc.perform(post("/organisation/regions/411526102/name").param("name", "伞陂镇（测试）")
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        AuditEntry entry = trail.recent(1, "region/411526102").get(0);
        assertThat(entry.actor()).isEqualTo("guanli");
        assertThat(entry.action()).isEqualTo("organisation:region:update");
        assertThat(entry.before()).contains("\"name\":\"伞陂镇\"");
        assertThat(entry.after()).contains("伞陂镇（测试）");
        assertThat(entry.origin()).startsWith("POST /organisation/regions/411526102/name");
        mvc.perform(post("/organisation/regions/411526102/name").param("name", "伞陂镇")
                .with(As.person(accounts, "guanli")).with(csrf()));
    }

    @Test
    void aRefusedChangeLeavesNoRecord() throws Exception {
        long before = trail.count();
        mvc.perform(post("/organisation/regions/411526102/name").param("name", " ")
                        .with(As.person(accounts, "guanli")).with(csrf()))
                .andExpect(status().is(422));
        assertThat(trail.count()).isEqualTo(before);
    }

    @Test
    void failedSignInsAreRecordedWithoutAnyPassword() throws Exception {
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                .user("yanpan").password("Secret-Guess-123"));
        AuditEntry entry = trail.recent(1, "account/yanpan").get(0);
        assertThat(entry.action()).isEqualTo("organisation:account:sign-in-failed");
        assertThat(entry.actor()).isEqualTo("yanpan");
        assertThat(entry.after()).doesNotContain("Secret-Guess-123");
    }

    @Test
    void anInspectorVerifiesTheChainOverHttpAndSeesTheFirstBrokenLinkAfterTampering() throws Exception {
        mvc.perform(get("/api/audit/verify").with(httpBasic("kaohe.api", "x"))).andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("未登录")));
        mvc.perform(get("/api/audit/verify").with(As.person(accounts, "shenji")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));

        long seq = jdbc.queryForObject("select min(seq) + 3 from audit_entry", Long.class);
        String original = jdbc.queryForObject("select subject from audit_entry where seq = ?", String.class, seq);
        jdbc.update("update audit_entry set subject = 'unit/forged' where seq = ?", seq);
        try {
            mvc.perform(get("/api/audit/verify").with(As.person(accounts, "shenji")))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(seq));
            mvc.perform(get("/audit/verify").with(As.person(accounts, "shenji")))
                    .andExpect(content().string(containsString("校验未通过")))
                    .andExpect(content().string(containsString("第" + seq + "条记录的内容被改动")));
        } finally {
            jdbc.update("update audit_entry set subject = ? where seq = ?", original, seq);
        }
    }

    @Test
    void deletingTheNewestEntriesIsNoticedAtTheHead() {
        trail.chainWaiting();
        long last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        var row = jdbc.queryForMap("select * from audit_entry where seq = ?", last);
        jdbc.update("delete from audit_entry where seq = ?", last);
        try {
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).contains("被删除");
        } finally {
            jdbc.update("insert into audit_entry (seq, recorded_at, actor, action, subject, before_state, after_state, origin,"
                            + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("seq"), row.get("recorded_at"),
                    row.get("actor"), row.get("action"), row.get("subject"), row.get("before_state"), row.get("after_state"),
                    row.get("origin"), row.get("prev_hash"), row.get("hash"));
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aResponderMayNotReadTheLog() throws Exception {
        mvc.perform(get("/audit").with(As.person(accounts, "xuezi.huiying"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verify").with(httpBasic("xuezi.huiying", DemoPassword.VALUE)))
                .andExpect(status().isForbidden());
    }

    /** Issue 23: the log speaks in sentences, filters by person, unit, record and day, and keeps the raw record a click away. */
    @Test
    void theLogReadsAsSentencesWithTheRawRecordOneClickAway() throws Exception {
        mvc.perform(post("/responsibility/rules/context-words").with(As.person(accounts, "zhengfuban")).with(csrf())
                .param("word", "审计测试词")).andExpect(status().is3xxRedirection());
        trail.chainWaiting();
        Long seq = jdbc.queryForObject("select max(seq) from audit_entry where subject = 'context-word/审计测试词'", Long.class);
        mvc.perform(get("/audit").param("person", "郑华").param("unit", "政府办").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("郑华（政府办） 于 ")))
                .andExpect(content().string(containsString("修改责任主体认定规则（仅作背景的词：审计测试词）")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("responsibility:rules:edit"))))
                .andExpect(content().string(containsString("来自 提交 /responsibility/rules/context-words，地址 ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(" from "))));
        mvc.perform(get("/audit").param("person", "郑华").param("unit", "住建局").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("没有符合条件的操作记录")));
        mvc.perform(get("/audit").param("from", "2099-01-01").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("没有符合条件的操作记录")));
        mvc.perform(get("/audit").param("from", "明天").with(As.person(accounts, "kaohe")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("起始日期应写作")));
        mvc.perform(get("/audit/" + seq).with(As.person(accounts, "kaohe"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("responsibility:rules:edit")))
                .andExpect(content().string(containsString("&quot;added&quot;:&quot;审计测试词&quot;")));
        mvc.perform(get("/audit/" + seq).with(As.person(accounts, "xuezi.huiying"))).andExpect(status().isForbidden());
        mvc.perform(post("/responsibility/rules/context-words/remove").with(As.person(accounts, "zhengfuban")).with(csrf())
                .param("word", "审计测试词")).andExpect(status().is3xxRedirection());
        // every action recorded so far has its sentence
        AuditSentences sentences = new AuditSentences();
        trail.chainWaiting();
        assertThat(jdbc.queryForList("select distinct action from audit_entry", String.class))
                .allSatisfy(action -> assertThat(sentences.knows(action)).as(action).isTrue());
    }
}

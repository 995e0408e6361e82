package cn.yuqing.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.intake.Channel;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.IntakeResult;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Items arrive, are analysed off the request thread, cluster into candidates, and raise suggestions. */
@WebTest
class AnalysisIntegrationTests {

    @Autowired
    ItemIntake intake;
    @Autowired
    Channels channels;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    ItemAnalysisRepository analyses;
    @Autowired
    Candidates candidates;
    @Autowired
    Schemes schemes;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    SentimentCorrections corrections;
    @Autowired
    AnalysisEngine engine;
    @Autowired
    TopicCorrections topicCorrections;
    @Autowired
    cn.yuqing.organisation.OrganisationManagement management;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    PlacementWorkers workers;
    @Autowired
    Placement placement;
    @Autowired
    CandidateRepository candidateRepository;
    @Autowired
    Items items;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AnalysisQueue queue;
    @Autowired
    PlacementPartitions partitions;
    @Autowired
    SchemeRepository schemeRepository;
    @Autowired
    CorrectionRepository correctionRepository;
    @Autowired
    TopicCorrectionRepository topicCorrectionRepository;

    Channel weibo;
    static int counter;

    @BeforeEach
    void channel() {
        clock.set(Instant.parse("2027-07-14T02:00:00Z"));
        weibo = channels.create(new ChannelData("分析测试微博" + (++counter), ChannelType.WEIBO,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
    }

    private Long submit(String text) {
        IntakeResult r = intake.receive(ItemSubmission.of(weibo.id(), "t-" + System.nanoTime(), null, null, text, null, null),
                new Provenance("test", null, null, null));
        assertThat(r.status()).isEqualTo(IntakeResult.Status.CREATED);
        return r.itemId();
    }

    private ItemAnalysis analysed(Long itemId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.existsById(itemId));
        return analyses.findById(itemId).orElseThrow();
    }

    /**
     * A unit made on another node a moment ago, whose change this node has not heard of yet (here:
     * written past the application), is placed with its county, not in a partition of its own.
     */
    @Test
    void aUnitThisNodeHasNotHeardOfYetIsPlacedWithItsCounty() {
        engine.partitionOf(directory.allUnits().get(0).id());
        jdbc.update("insert into unit (name, kind, region_code) values ('未闻单位', 'DEPARTMENT', '411526102')");
        long unheard = jdbc.queryForObject("select id from unit where name = '未闻单位'", Long.class);
        try {
            assertThat(engine.units().knows(unheard)).as("the index was built before the unit was made").isFalse();
            assertThat(engine.partitionOf(unheard)).as("伞陂镇's county").isEqualTo("411526");
            assertThat(engine.partitionOf(-1L)).as("a unit the directory does not have").isEqualTo("u-1");
        } finally {
            jdbc.update("delete from unit where id = ?", unheard);
            engine.refresh(AnalysisEngine.Part.GAZETTEER);
        }
    }

    /**
     * Two nodes place one county in turns (here: this node's placement and a second instance with
     * a memory of its own, as another node has). Each finds near-duplicates of what the other
     * placed meanwhile: it reads in the members the other added since its own last batch. Without
     * that, the repost would start a candidate of its own.
     */
    @Test
    void aNodeFindsTheNearDuplicatesOfWhatAnotherNodePlacedMeanwhile() {
        Placement otherNode = new Placement(jdbc, candidateRepository, candidates, clock, new SimpleMeterRegistry());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        workers.stop();
        try {
            Long warm = submit("上油岗乡卫生院看病排队两个小时，医生只有一个，群众意见很大，希望尽快增加人手。");
            String original = "踅孜镇农贸市场旁边的下水道堵了半个月，污水漫到路上，臭气熏天，商户和居民都受不了了。";
            Long first = submit(original);
            Long repost = submit("转发微博 //@踅孜街坊:" + original);
            Long again = submit("转发：" + original + "[怒]");
            tx.executeWithoutResult(t -> placement.place(partition(warm), List.of(read(warm))));
            tx.executeWithoutResult(t -> otherNode.place(partition(first), List.of(read(first))));
            tx.executeWithoutResult(t -> placement.place(partition(repost), List.of(read(repost))));
            tx.executeWithoutResult(t -> otherNode.place(partition(again), List.of(read(again))));
            Long candidate = analyses.findById(first).orElseThrow().candidateId();
            assertThat(analyses.findById(repost).orElseThrow().candidateId()).as("placed by this node after the other").isEqualTo(candidate);
            assertThat(analyses.findById(again).orElseThrow().candidateId()).as("placed by the other node after this").isEqualTo(candidate);
            assertThat(analyses.findById(warm).orElseThrow().candidateId()).isNotEqualTo(candidate);
        } finally {
            workers.start();
        }
    }

    /**
     * A member read in from another node counts against its own window, as when that node placed
     * it: four copies of a text, 6.8 days old when this node last read the county, have left the
     * window of a copy placed elsewhere half a day later, which took their places; a further copy
     * here must join that one, not start a candidate of its own.
     */
    @Test
    void aMemberReadInFromAnotherNodeTakesThePlacesOfItemsThatLeftItsWindow() {
        Placement otherNode = new Placement(jdbc, candidateRepository, candidates, clock, new SimpleMeterRegistry());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String text = "这家网店卖的充电宝用了三天就鼓包了，客服一直不回消息，退货也不给退，大家千万别买，太坑人了。";
        Instant now = clock.instant();
        workers.stop();
        try {
            clock.set(now.minus(Duration.ofHours(163)));
            List<Long> old = List.of(submit(text), submit(text + "！"), submit(text + "！！"), submit("转发：" + text));
            tx.executeWithoutResult(t -> otherNode.place(partition(old.get(0)), old.stream().map(this::read).toList()));
            clock.set(now);
            Long here = submit("城关镇的路灯晚上一直不亮，走夜路很不方便。");
            tx.executeWithoutResult(t -> placement.place(partition(here), List.of(read(here))));
            clock.set(now.plus(Duration.ofHours(12)));
            Long elsewhere = submit(text + "[怒]");
            tx.executeWithoutResult(t -> otherNode.place(partition(elsewhere), List.of(read(elsewhere))));
            Long copy = submit("转发微博 " + text);
            tx.executeWithoutResult(t -> placement.place(partition(copy), List.of(read(copy))));
            Long fresh = analyses.findById(elsewhere).orElseThrow().candidateId();
            assertThat(fresh).as("the old copies are past the window").isNotEqualTo(analyses.findById(old.get(0)).orElseThrow().candidateId());
            assertThat(analyses.findById(copy).orElseThrow().candidateId()).isEqualTo(fresh);
        } finally {
            workers.start();
        }
    }

    /**
     * A worker on a county's long backlog lets go of it between batches when an urgent item waits
     * in a partition nobody is placing (the city's explosion), not for the city's ordinary items
     * nor while another worker places the city.
     */
    @Test
    void aWorkerLetsGoOfItsBacklogWhenAnUrgentItemWaitsWhereNobodyPlaces() {
        Channel city = channels.create(new ChannelData("分析测试市级微博" + (++counter), ChannelType.WEIBO,
                directory.governmentOfficeOf("4115").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        workers.stop();
        try {
            Long ordinary = submit("城关镇的路灯晚上一直不亮，走夜路很不方便。");
            Long cityOrdinary = submitTo(city, "市区某路口的红绿灯坏了两天了，早高峰特别堵。");
            String county = partition(ordinary);
            String cityPartition = partition(cityOrdinary);
            assertThat(queue.urgentWaitsElsewhere(county, "w1")).as("only ordinary items wait elsewhere").isFalse();
            Long urgent = submitTo(city, "市区一家化工厂发生爆炸，已造成多人死亡，现场浓烟滚滚。");
            assertThat(jdbc.queryForObject("select urgent from analysis_queue where item_id = ?", Boolean.class, urgent)).isTrue();
            assertThat(queue.urgentWaitsElsewhere(county, "w1")).isTrue();
            assertThat(queue.urgentWaitsElsewhere(cityPartition, "w1")).as("the urgent item is in its own partition").isFalse();
            assertThat(partitions.acquire(cityPartition, "w2")).isTrue();
            try {
                assertThat(queue.urgentWaitsElsewhere(county, "w1")).as("another worker places the city").isFalse();
            } finally {
                partitions.release(cityPartition, "w2");
            }
        } finally {
            workers.start();
        }
    }

    /**
     * An urgent item is taken alone, not in a batch of a thousand ordinary ones, and a worker
     * that read ahead an ordinary batch learns that it waits; while the urgent batch is read, the
     * ordinary items are next.
     */
    @Test
    void anUrgentItemIsBatchedAloneAndAheadOfTheBatchReadAhead() {
        workers.stop();
        try {
            Long first = submit("城关镇的路灯晚上一直不亮，走夜路很不方便。");
            Long second = submit("城关镇菜市场门口的下水道堵了，污水流到路上。");
            String county = partition(first);
            AnalysisQueue.Next ordinary = queue.next(county, 1000, Set.of());
            assertThat(ordinary.urgent()).isFalse();
            assertThat(ordinary.items()).contains(first, second);
            assertThat(queue.urgentWaits(county)).isFalse();
            Long urgent = submit("城关镇一家化工厂发生爆炸，已造成多人死亡，现场浓烟滚滚。");
            assertThat(queue.urgentWaits(county)).isTrue();
            AnalysisQueue.Next next = queue.next(county, 1000, Set.of());
            assertThat(next.urgent()).isTrue();
            assertThat(next.items()).as("the urgent item alone, not with the ordinary ones").contains(urgent).doesNotContain(first, second);
            AnalysisQueue.Next after = queue.next(county, 1000, Set.copyOf(next.items()));
            assertThat(after.urgent()).isFalse();
            assertThat(after.items()).contains(first, second).doesNotContain(urgent);
        } finally {
            workers.start();
        }
    }

    /**
     * An analyst's correction between two of placement's batches changes a candidate its memory
     * holds: the next copy is counted on the corrected figures, not on the memory's.
     */
    @Test
    void aCorrectionBetweenTwoBatchesIsNotWrittenOverFromTheMemory() {
        var analyst = accounts.loadUserByUsername("yanpan");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String text = "小区门口的垃圾桶好几天没人清理了，苍蝇乱飞，臭得没法开窗，物业也不管，太让人生气了！";
        workers.stop();
        try {
            Long first = submit(text);
            tx.executeWithoutResult(t -> placement.place(partition(first), List.of(read(first))));
            Long candidate = analyses.findById(first).orElseThrow().candidateId();
            assertThat(figures(candidate)).containsExactly(1, 1);
            corrections.correct(first, Sentiment.NEUTRAL, DataScope.installation(), analyst);
            assertThat(figures(candidate)).as("items, negative after the correction").containsExactly(1, 0);
            Long copy = submit("转发微博 " + text);
            tx.executeWithoutResult(t -> placement.place(partition(copy), List.of(read(copy))));
            assertThat(analyses.findById(copy).orElseThrow().candidateId()).isEqualTo(candidate);
            assertThat(figures(candidate)).as("items, negative").containsExactly(2, 1);
        } finally {
            workers.start();
        }
    }

    private List<Integer> figures(Long candidateId) {
        return jdbc.queryForObject("select item_count, negative_count from event_candidate where id = ?",
                (rs, n) -> List.of(rs.getInt(1), rs.getInt(2)), candidateId);
    }

    /**
     * A queue row left for an item already analysed (two nodes queuing the same old item as they
     * start) is let go without a second analysis, and the batch it came in is placed.
     */
    @Test
    void aQueueRowForAnAnalysedItemDoesNotHoldUpItsPartition() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        workers.stop();
        try {
            Long done = submit("城关镇新华路的下水道堵了好几天，污水漫到人行道上。");
            tx.executeWithoutResult(t -> placement.place(partition(done), List.of(read(done))));
            Long candidate = analyses.findById(done).orElseThrow().candidateId();
            jdbc.update("insert into analysis_queue (item_id, partition_key, urgent, enqueued_at) values (?, ?, false, ?)", done,
                    partition(done), java.sql.Timestamp.from(clock.instant()));
            Long fresh = submit("县一中门口早上堵车严重，希望交警来疏导一下。");
            int placed = tx.execute(t -> placement.place(partition(fresh), List.of(read(done), read(fresh))));
            assertThat(placed).isEqualTo(1);
            assertThat(analyses.findById(fresh)).isPresent();
            assertThat(analyses.findById(done).orElseThrow().candidateId()).isEqualTo(candidate);
            assertThat(jdbc.queryForObject("select count(*) from analysis_queue where item_id in (?, ?)", Integer.class, done, fresh))
                    .isZero();
        } finally {
            workers.start();
        }
    }

    /** Band members are kept for a month, not for ever: the table would grow with the installation's age. */
    @Test
    void bandMembersOlderThanAMonthAreDeletedWhenTheCountyIsReadAfresh() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Instant now = clock.instant();
        workers.stop();
        try {
            clock.set(now.minus(Duration.ofDays(31)));
            Long old = submit("县城东边的垃圾中转站臭气熏天，夏天根本不敢开窗，希望有关部门尽快处理一下。");
            tx.executeWithoutResult(t -> placement.place(partition(old), List.of(read(old))));
            clock.set(now.minus(Duration.ofDays(20)));
            Long recent = submit("县医院门口的停车场收费太乱了，同样停一个小时，每次收的钱都不一样。");
            tx.executeWithoutResult(t -> placement.place(partition(recent), List.of(read(recent))));
            assertThat(bandMembers(old)).as("stored while it is recent").isEqualTo(1);
            clock.set(now);
            Long today = submit("咨询一下县图书馆周末开不开门，孩子想去借书。");
            tx.executeWithoutResult(t -> placement.place(partition(today), List.of(read(today))));
            assertThat(bandMembers(old)).as("a month and a day old").isZero();
            assertThat(bandMembers(recent)).as("twenty days old").isEqualTo(1);
            assertThat(bandMembers(today)).isEqualTo(1);
        } finally {
            clock.set(now);
            workers.start();
        }
    }

    private int bandMembers(Long itemId) {
        return jdbc.queryForObject("select count(*) from band_member where item_id = ?", Integer.class, itemId);
    }

    /**
     * An item of the city, merged into a county's candidate and then split out of it again: the
     * city's partition counts as regrouped, though neither candidate touched is the city's now, so
     * that a later copy placed there joins the item where the analyst put it.
     */
    @Test
    void aCopyFollowsAnItemSplitOutOfAnotherPartitionsCandidate() {
        Channel city = channels.create(new ChannelData("分析测试市级微博" + (++counter), ChannelType.WEIBO,
                directory.governmentOfficeOf("4115").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        String text = "这家网店卖的电热毯用了两个晚上就冒烟了，客服说是我们自己用错了，投诉到平台也没有结果，大家一定要小心。";
        Long item = submitTo(city, text);
        Long county = submit("咨询一下今年的城乡居民医保什么时候开始缴费，老人不会用手机怎么办？");
        Long source = analysed(item).candidateId();
        Long target = analysed(county).candidateId();
        assertThat(engine.partitionOf(city.unitId())).isNotEqualTo(engine.partitionOf(weibo.unitId()));
        candidates.merge(source, target, DataScope.installation());
        // the city's placement reads its memory afresh after the merge: the item is the county candidate's now
        analysed(submitTo(city, "市区某路口的红绿灯坏了两天了，早高峰特别堵。"));
        EventCandidate split = candidates.split(target, List.of(item), DataScope.installation());
        Long copy = submitTo(city, "转发微博 " + text);
        assertThat(analysed(copy).candidateId()).isEqualTo(split.id());
    }

    private Long submitTo(Channel channel, String text) {
        IntakeResult r = intake.receive(ItemSubmission.of(channel.id(), "t-" + System.nanoTime(), null, null, text, null, null),
                new Provenance("test", null, null, null));
        assertThat(r.status()).isEqualTo(IntakeResult.Status.CREATED);
        return r.itemId();
    }

    private String partition(Long itemId) {
        return engine.partitionOf(items.byIds(List.of(itemId)).get(0).unitId());
    }

    private Placement.Read read(Long itemId) {
        OpinionItem item = items.byIds(List.of(itemId)).get(0);
        return Placement.Read.of(item, engine.read(item.title(), item.body(), item.channelId(), item.unitId()),
                engine.partitionOf(item.unitId()), clock.instant());
    }

    @Test
    void anItemIsAnalysedAfterItWasAcceptedWithPlacesUnitsAndSentiment() {
        Long id = submit("踅孜镇的大桥突然封闭，县交通局也没有通知，孩子上学要绕五公里，家长们非常气愤！");
        ItemAnalysis a = analysed(id);
        assertThat(a.placePairs()).containsEntry("踅孜镇", "411526107");
        assertThat(a.unitPairs()).containsKey("潢川县交通运输局");
        assertThat(a.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(a.signalLabels()).contains("愤怒");
        assertThat(a.keywords()).isNotBlank();
    }

    @Test
    void aCandidateFromBeforeTalliesWereKeptIsCountedFromItsMembersWhenItsNextItemArrives() {
        String original = "城区某小区地下车库积水一米深，好几辆车被淹，物业一直不管，业主们很着急。";
        Long first = submit(original);
        Long candidate = analysed(first).candidateId();
        // as an installation upgraded from before tallies: the figures are there, the tallies are not
        jdbc.update("update event_candidate set tallies = null where id = ?", candidate);
        Long repost = submit("转发微博 //@业主群:" + original);
        assertThat(analysed(repost).candidateId()).isEqualTo(candidate);
        assertThat(jdbc.queryForObject("select item_count from event_candidate where id = ?", Integer.class, candidate))
                .isEqualTo(jdbc.queryForObject("select count(*) from item_analysis where candidate_id = ?", Integer.class, candidate))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select tallies from event_candidate where id = ?", String.class, candidate)).isNotNull();
    }

    @Test
    void aVillageNameTwoTownshipsShareSuggestsBothForTheAnalystToChoose() {
        Long id = submit("杨集村村口的路灯坏了一个多月，晚上出行很不方便，希望尽快修好。");
        Long candidate = analysed(id).candidateId();
        WarningRules.Suggestion suggestion = candidates.suggestion(candidates.require(candidate, DataScope.installation()));
        assertThat(suggestion.departments()).anySatisfy(d -> assertThat(d)
                .startsWith("属地（“杨集村民委员会”有同名，待核实）：").contains("白店乡人民政府").contains("张集乡人民政府"));
    }

    @Test
    void repostsJoinTheirOriginalsCandidateAndUnrelatedPostsDoNot() {
        String original = "县城某学校食堂饭菜有异味，好几个孩子吃完肚子疼，学校说没事，家长们都很着急，请有关部门调查处理！";
        Long first = submit(original);
        Long repost = submit("转发微博：求关注 //@潢川家长群:" + original);
        Long other = submit("咨询一下城乡居民医保今年什么时候开始缴费，老人不会用手机怎么办？");
        assertThat(analysed(repost).candidateId()).isEqualTo(analysed(first).candidateId());
        assertThat(analysed(other).candidateId()).isNotEqualTo(analysed(first).candidateId());
    }

    @Test
    void postsSharingASchemeAndAPlaceWithinThreeDaysBecomeOneCandidate() {
        schemes.create("桥梁封闭测试" + counter, "大桥 封闭 绕行", "", Set.of(), Set.of());
        Long a = submit("伞陂镇大桥今天开始封闭施工，出行请注意。");
        Long b = submit("伞陂那座桥封了以后只能绕行，早上堵得厉害，附近的商户生意也受影响了。");
        assertThat(analysed(b).candidateId()).isEqualTo(analysed(a).candidateId());
    }

    @Test
    void aSpikeMakesACandidateHotWithTheReasonStated() {
        String base = "白店乡自来水厂停水三天了，家里老人孩子没水喝，打电话也没人接，";
        Long first = submit(base + "第1位网友");
        for (int i = 2; i <= 6; i++) {
            submit(base + "第" + i + "位网友说太难了");
        }
        Long candidate = analysed(first).candidateId();
        await().atMost(Duration.ofSeconds(20)).until(() -> candidates.itemsOf(candidate).size() == 6);
        candidates.refresh(candidate);
        EventCandidate c = candidates.require(candidate, DataScope.installation());
        assertThat(c.level()).isIn(WarningRules.Level.HOT, WarningRules.Level.MAJOR);
        WarningRules.Suggestion s = candidates.suggestion(c);
        assertThat(s.spike()).isTrue();
        assertThat(s.reasons()).anyMatch(r -> r.contains("最近一小时6条") && r.contains("突增"));
        assertThat(s.departments()).anyMatch(d -> d.startsWith("属地：白店乡"));

        // an hour later the same six items are no longer a spike
        clock.advance(Duration.ofHours(2));
        candidates.refresh(candidate);
        assertThat(candidates.suggestion(candidates.require(candidate, DataScope.installation())).spike()).isFalse();
    }

    @Test
    void anAnalystsMoveIsKeptAndLaterCopiesFollowTheMovedItem() {
        String text = "谈店乡某村道路塌陷出现大坑，已有电动车摔倒，村民希望尽快修复，晚上路过的人一定要小心。";
        Long a = submit(text);
        Long b = submit("上油岗乡卫生院看病排队两个小时，医生只有一个，群众意见很大，希望增加人手。");
        Long from = analysed(a).candidateId();
        Long target = analysed(b).candidateId();
        candidates.move(a, target, DataScope.installation());
        assertThat(analyses.findById(a).orElseThrow().pinned()).isTrue();
        assertThat(candidates.require(from, DataScope.installation()).status()).isEqualTo(EventCandidate.Status.DISMISSED);
        Long copy = submit("转发：" + text);
        assertThat(analysed(copy).candidateId()).isEqualTo(target);
    }

    @Test
    void splitAndMergeAreTheAnalystsAndRefuseWhatMakesNoSense() {
        String text = "来龙乡集市占道经营严重，早上车辆根本过不去，希望城管部门来管一管，每天都这样。";
        Long a = submit(text);
        Long b = submit("转发：" + text);
        Long candidate = analysed(a).candidateId();
        assertThat(analysed(b).candidateId()).isEqualTo(candidate);
        EventCandidate split = candidates.split(candidate, List.of(b), DataScope.installation());
        assertThat(analyses.findById(b).orElseThrow().candidateId()).isEqualTo(split.id());
        assertThat(split.title()).as("named after what was split out").startsWith("转发：来龙乡集市");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> candidates.split(split.id(), List.of(b), DataScope.installation()))
                .hasMessageContaining("不能把全部信息拆分出去");
        candidates.merge(split.id(), candidate, DataScope.installation());
        assertThat(analyses.findById(b).orElseThrow().candidateId()).isEqualTo(candidate);
        assertThat(candidates.require(split.id(), DataScope.installation()).status()).isEqualTo(EventCandidate.Status.MERGED);
    }

    @Test
    void aCorrectionIsStoredAndTheModelIsRetrainedOnIt() throws Exception {
        Long id = submit("请问今年的高龄补贴什么时候发放？");
        analysed(id);
        int before = engine.correctionsLearnt();
        mvc.perform(post("/analysis/items/" + id + "/sentiment").param("sentiment", "NEGATIVE")
                        .with(As.person(accounts, "yanpan")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(analyses.findById(id).orElseThrow().sentimentMethod()).isEqualTo("人工更正");
        assertThat(engine.correctionsLearnt()).isEqualTo(before + 1);
        mvc.perform(post("/analysis/items/" + id + "/sentiment").param("sentiment", "POSITIVE")
                .with(As.person(accounts, "jiankong")).with(csrf())).andExpect(status().isForbidden());
    }

    /** What the stream taught a node is not lost when it restarts: it reads again what it finds analysed. */
    @Test
    void aStartingNodeRecallsWhatItsStreamTaughtFromTheItemsAnalysedBefore() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(submit("物业太垃圾了，简直无法无天，业主们非常愤怒！这是第" + i + "次投诉"));
            ids.add(submit("感谢社区工作人员的辛勤付出，服务周到，点赞！我是第" + i + "位留言的居民"));
        }
        ids.forEach(this::analysed);
        AnalysisEngine started = new AnalysisEngine(directory, schemeRepository, correctionRepository, topicCorrectionRepository,
                analyses, items, clock);
        try {
            int before = started.learnt().polarity().examples();
            assertThat(started.learnt().mood().examples()).as("nothing read yet").isZero();
            assertThat(started.recall()).isGreaterThanOrEqualTo(60);
            LearntSentiment recalled = started.learnt();
            assertThat(recalled.polarity().examples()).as("30 sure complaints and 30 sure praises at least")
                    .isGreaterThanOrEqualTo(before + 60);
            assertThat(recalled.mood().examplesOf(StreamExamples.Mood.ANGER)).isGreaterThanOrEqualTo(30);
        } finally {
            started.stopLearning();
        }
    }

    @Test
    void theWorkbenchShowsCandidatesWithinTheAnalystsScopeOnly() throws Exception {
        Long id = submit("潢川县城区某路段井盖缺失，晚上很危险。");
        Long candidate = analysed(id).candidateId();
        mvc.perform(get("/analysis/candidates/" + candidate).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("井盖缺失")));
        mvc.perform(get("/analysis/candidates/" + candidate).with(As.person(accounts, "zhujian.huiying")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBatchEndpointAnswersOneJsonLinePerText() throws Exception {
        String body = "踅孜镇大桥封闭了，太气人了！\n\n感谢县住建局修好了路灯\n";
        String out = mvc.perform(post("/api/analysis/batch").contentType(MediaType.TEXT_PLAIN)
                        .content(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"sentiment\":\"NEGATIVE\"").contains("ANGER").contains("踅孜镇");
        assertThat(lines.get(1)).contains("\"error\":\"空行\"");
        assertThat(lines.get(2)).contains("\"sentiment\":\"POSITIVE\"").contains("潢川县住房和城乡建设局");
    }

    @Test
    void topicCorrectionsTeachATopicItsWordsDidNotCover() {
        MonitoringScheme manholes = schemes.create("窨井安全" + counter, "窨井", "", Set.of(), Set.of());
        var analyst = accounts.loadUserByUsername("yanpan");
        String[] inTopic = {"小区下水道盖子丢了，晚上有人掉进去", "路边排水沟的铁盖板被人偷走，孩子差点踩空",
            "人行道上的下水道盖子松动，一踩就翻", "雨水井的盖子破了个大洞，电动车轮子卡进去", "污水井盖板缺失好几天没人补",
            "学校门口下水道盖子不见了，很危险", "菜市场旁边的排水井没有盖子，老人摔倒了", "检查井盖板碎裂，车一压就响",
            "楼下化粪池的盖子被撬开了，臭味很大，孩子在旁边玩", "马路中间的井盖下沉，晚上骑车差点摔倒",
            "公园里的下水道盖子丢了，用树枝挡着", "停车场的排水沟盖板断了好几块"};
        String[] outOfTopic = {"请问医保什么时候开始缴费", "感谢县住建局修好了路灯", "办理营业执照可以在网上申请吗",
            "菜市场早上占道经营很堵", "工地夜间施工噪音太大", "低保审核时间太长了", "公交三路首班车几点发车",
            "小区停车位严重不足", "学校食堂饭菜有异味", "自来水浑浊发黄", "养殖场异味扰民", "拆迁补偿标准不透明"};
        for (String text : inTopic) {
            Long id = submit(text);
            analysed(id);
            topicCorrections.correct(id, Set.of(manholes.id()), DataScope.installation(), analyst);
        }
        for (String text : outOfTopic) {
            Long id = submit(text + "，第" + counter + "次");
            analysed(id);
            topicCorrections.correct(id, Set.of(), DataScope.installation(), analyst);
        }
        Long fresh = submit("单元楼前的下水道盖子丢了好几天，晚上看不见很容易掉进去");
        assertThat(analysed(fresh).schemeIdSet()).contains(manholes.id());
        Long unrelated = submit("请问社保卡丢了去哪里补办");
        assertThat(analysed(unrelated).schemeIdSet()).doesNotContain(manholes.id());
    }

    @Test
    void theGazetteerLearnsANewUnitAsSoonAsTheDirectoryChanges() throws Exception {
        assertThat(engine.pipeline().analyse(null, "县殡葬所收费太高", null, null).unitNames()).isEmpty();
        management.createUnit(new cn.yuqing.organisation.UnitData("潢川县殡葬管理所", "县殡葬所", cn.yuqing.organisation.UnitKind.DEPARTMENT,
                "411526", false, null, Set.of("CIVIL")));
        assertThat(engine.pipeline().analyse(null, "县殡葬所收费太高", null, null).unitNames()).containsExactly("潢川县殡葬管理所");
        Long id = submit("县殡葬所收费太高，群众负担重");
        analysed(id);
        mvc.perform(get("/analysis/items/" + id).with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("潢川县殡葬管理所")))
                .andExpect(content().string(containsString("保存主题更正")));
    }
}

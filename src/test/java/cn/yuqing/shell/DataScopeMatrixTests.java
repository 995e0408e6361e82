package cn.yuqing.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.Imports;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Provenance;
import cn.yuqing.intake.Sources;
import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue "Hardening", part 3, the unit dimension: every page that shows one record, generated from
 * the route list, is opened by people of two units on a record of their own unit and on one of the
 * other's. Their own opens; the other's is not found (404, as if it did not exist). What a path
 * variable names is read from the path; a new page whose record this table does not know fails
 * the build, as a new rule does in {@link AuthorizationMatrixTests}.
 */
@WebTest
class DataScopeMatrixTests {

    enum Kind { EVENT, RELEASE, RELEASE_ATTACHMENT, ITEM, ITEM_ATTACHMENT, CANDIDATE, CHANNEL, IMPORT, PERSON, CHASE_NOTICE, NOT_A_UNITS }

    /** The record a path variable names, by the path's beginning (longest first). */
    static final Map<String, Kind> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("/release-attachments/", Kind.RELEASE_ATTACHMENT);
        RECORDS.put("/intake/attachments/", Kind.ITEM_ATTACHMENT);
        RECORDS.put("/reports/events/", Kind.EVENT);
        RECORDS.put("/api/events/", Kind.EVENT);
        RECORDS.put("/events/", Kind.EVENT);
        RECORDS.put("/api/releases/", Kind.RELEASE);
        RECORDS.put("/releases/", Kind.RELEASE);
        RECORDS.put("/intake/items/", Kind.ITEM);
        RECORDS.put("/analysis/items/", Kind.ITEM);
        RECORDS.put("/analysis/candidates/", Kind.CANDIDATE);
        RECORDS.put("/api/candidates/", Kind.CANDIDATE);
        RECORDS.put("/api/items/", Kind.ITEM);
        RECORDS.put("/intake/channels/", Kind.CHANNEL);
        RECORDS.put("/intake/imports/", Kind.IMPORT);
        RECORDS.put("/organisation/people/", Kind.PERSON);
        RECORDS.put("/work-orders/chases/", Kind.CHASE_NOTICE);
        // not a unit's: the installation's monitoring schemes, the directory of units and regions every
        // member may read, what the public may read, and a county's notices (by county: MultiCountyTests)
        RECORDS.put("/analysis/schemes/", Kind.NOT_A_UNITS);
        RECORDS.put("/organisation/units/", Kind.NOT_A_UNITS);
        RECORDS.put("/organisation/regions/", Kind.NOT_A_UNITS);
        RECORDS.put("/audit/", Kind.NOT_A_UNITS);
        RECORDS.put("/public/responses/", Kind.NOT_A_UNITS);
        // a survey link opens by its signed token, for the citizen without signing in (CitizenLoopTests)
        RECORDS.put("/public/survey/", Kind.NOT_A_UNITS);
        RECORDS.put("/assessment/notices/", Kind.NOT_A_UNITS);
    }

    /** A person, a record of their unit and one of another unit's. */
    record Pair(String viewer, Object own, Object other) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    cn.yuqing.opinion.EventRouting routing;
    @Autowired
    Releases releases;
    @Autowired
    Channels channels;
    @Autowired
    ItemIntake intake;
    @Autowired
    ItemAnalyses analyses;
    @Autowired
    Sources sources;
    @Autowired
    Imports imports;
    @Autowired
    cn.yuqing.intake.Items items;
    @Autowired
    cn.yuqing.opinion.WorkOrders workOrders;
    @Autowired
    cn.yuqing.support.MutableClock clock;

    @Test
    void everyRecordPageOpensForItsOwnUnitAndIsNotFoundForAnother() throws Exception {
        Map<Kind, List<Pair>> pairs = records();
        List<String> wrong = new ArrayList<>();
        Set<String> exercised = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (AuthorizationMatrixTests.Endpoint endpoint : AuthorizationMatrixTests.endpoints(mappings, "{}")) {
            if (endpoint.method() != RequestMethod.GET || !endpoint.path().contains("{}")) {
                continue;
            }
            Kind kind = RECORDS.entrySet().stream().filter(e -> endpoint.path().startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (kind == null) {
                unknown.add(endpoint.path());
                continue;
            }
            Set<String> required = AuthorizationMatrixTests.required(endpoint.rule());
            for (Pair pair : pairs.getOrDefault(kind, List.of())) {
                UserDetails viewer = accounts.loadUserByUsername(pair.viewer());
                Set<String> held = viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
                if (required != null && required.stream().noneMatch(held::contains)) {
                    continue; // the role may not open it at all: the role matrix's business
                }
                int own = status(endpoint.path(), pair.own(), viewer);
                int other = status(endpoint.path(), pair.other(), viewer);
                exercised.add(endpoint.path());
                if (own >= 400) {
                    wrong.add(pair.viewer() + " " + endpoint.path().replace("{}", pair.own().toString()) + " (own unit) → " + own);
                }
                if (other != 404) {
                    wrong.add(pair.viewer() + " " + endpoint.path().replace("{}", pair.other().toString()) + " (other unit) → " + other);
                }
            }
        }
        assertThat(unknown).as("pages of one record whose kind of record the matrix does not know").isEmpty();
        assertThat(wrong).as("answers across units").isEmpty();
        System.out.printf("own/other unit: %d record pages × their viewers%n", exercised.size());
        assertThat(exercised).hasSizeGreaterThanOrEqualTo(20);
    }

    private int status(String path, Object id, UserDetails viewer) throws Exception {
        return mvc.perform(get(path.replace("{}", id.toString())).with(user(viewer))).andReturn().getResponse().getStatus();
    }

    /**
     * The two worlds: an event of the housing bureau and one of 伞陂镇, each with a release and an
     * attachment, seen by their responders; items, candidates, channels and imports of 踅孜镇 and of the
     * county office, seen by 踅孜镇's monitor; the people of two units.
     */
    private Map<Kind, List<Pair>> records() throws Exception {
        var analyst = accounts.loadUserByUsername("yanpan");
        DataScope county = directory.scopeOf(directory.person("yanpan").orElseThrow());
        OpinionEvent housing = fixtures.judgedEvent("小区二次供水水箱脏污", MatterKind.MAJOR_PROBLEM, "ORDINARY", false);
        OpinionEvent sanpi = fixtures.judgedEvent("伞陂镇集市占道经营", MatterKind.MAJOR_PROBLEM, "ORDINARY", false);
        Long sanpiGovernment = unit("伞陂镇人民政府");
        sanpi = routing.override(sanpi.id(), sanpi.version(), county, analyst, sanpiGovernment, null, null, "属地管理");
        Long housingRelease = releases.firstDraft(housing.id(), county, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT).id();
        Long sanpiRelease = releases.firstDraft(sanpi.id(), county, analyst, ReleaseKind.AUTHORITATIVE_STATEMENT).id();
        byte[] png = HostileUploadTests.png();
        Long housingFile = releases.attach(housingRelease, county, analyst, "现场.png", png).id();
        Long sanpiFile = releases.attach(sanpiRelease, county, analyst, "集市.png", HostileUploadTests.concat(png, new byte[] {1})).id();

        Long xueziChannel = channel("踅孜镇人民政府");
        Long countyChannel = channel("潢川县人民政府办公室");
        Long xueziItem = item(xueziChannel, "踅孜镇中学门口积水", png);
        Long countyItem = item(countyChannel, "县城东区路灯不亮", HostileUploadTests.concat(png, new byte[] {2}));
        Long xueziImport = importJob(xueziChannel);
        Long countyImport = importJob(countyChannel);

        Map<Kind, List<Pair>> pairs = new java.util.EnumMap<>(Kind.class);
        pairs.put(Kind.EVENT, both(housing.id(), sanpi.id()));
        pairs.put(Kind.RELEASE, both(housingRelease, sanpiRelease));
        pairs.put(Kind.RELEASE_ATTACHMENT, both(housingFile, sanpiFile));
        pairs.put(Kind.ITEM, List.of(new Pair("jiankong.xuezi", xueziItem, countyItem)));
        pairs.put(Kind.ITEM_ATTACHMENT, List.of(new Pair("jiankong.xuezi", attachmentOf(xueziItem), attachmentOf(countyItem))));
        pairs.put(Kind.CANDIDATE, List.of(new Pair("jiankong.xuezi", fixtures.candidateOf(xueziItem), fixtures.candidateOf(countyItem))));
        pairs.put(Kind.CHANNEL, List.of(new Pair("jiankong.xuezi", xueziChannel, countyChannel)));
        pairs.put(Kind.IMPORT, List.of(new Pair("jiankong.xuezi", xueziImport, countyImport)));
        Long housingChase = chaseNoticeOf(housing, fixtures.housing(), county, analyst);
        Long sanpiChase = chaseNoticeOf(sanpi, sanpiGovernment, county, analyst);
        pairs.put(Kind.CHASE_NOTICE, both(housingChase, sanpiChase));
        pairs.put(Kind.PERSON, List.of(new Pair("zhujian.huiying", personId("zhujian.fuzeren"), personId("sanpi.huiying")),
                new Pair("sanpi.huiying", personId("sanpi.huiying"), personId("zhujian.fuzeren"))));
        return pairs;
    }

    /** The event's plan sends its orders; the unit's order is stepped past its due time, which drafts a 催办通知书. */
    private Long chaseNoticeOf(OpinionEvent e, Long unit, DataScope county, cn.yuqing.organisation.SignedInPerson analyst) {
        opinions.addTalkingPoints(e.id(), county, analyst, "正在核查");
        OpinionEvent planned = opinions.require(e.id(), county);
        opinions.makePlan(planned.id(), planned.version(), county, analyst, "县政府网站", null);
        var order = opinions.workOrders(e.id()).stream().filter(o -> o.holdsDuty() && o.unitId().equals(unit)).findFirst().orElseThrow();
        java.time.Instant before = clock.instant();
        clock.set(order.dueAt().plusSeconds(60));
        try {
            workOrders.stepClocks(order.id());
        } finally {
            clock.set(before);
        }
        // the office issues it: a unit sees the notices issued to it, not the office's drafts
        var office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = directory.scopeOf(directory.person("zhengfuban").orElseThrow());
        var draft = workOrders.chaseNotices(officeScope, office).stream().filter(c -> c.orderId().equals(order.id()))
                .findFirst().orElseThrow();
        return workOrders.issue(draft.id(), draft.version(), officeScope, office, null).id();
    }

    private static List<Pair> both(Long housing, Long sanpi) {
        return List.of(new Pair("zhujian.huiying", housing, sanpi), new Pair("sanpi.huiying", sanpi, housing));
    }

    private Long unit(String name) {
        return directory.searchUnits(name).stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().id();
    }

    private Long personId(String username) {
        return directory.person(username).orElseThrow().id();
    }

    private Long channel(String unit) {
        return channels.create(new ChannelData("范围测试" + System.nanoTime(), ChannelType.WEIBO, unit(unit), null, 1, true, Set.of()),
                DataScope.installation()).id();
    }

    private Long item(Long channel, String text, byte[] photo) {
        Long id = intake.receive(new ItemSubmission(channel, "scope-" + System.nanoTime(), null, null, text + "，群众反映强烈。", null,
                null, null, null, null, null, false, null, List.of(new ItemSubmission.Upload("照片.png", "image/png", photo))),
                new Provenance("test", null, null, null)).itemId();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.find(id).isPresent());
        return id;
    }

    private Long attachmentOf(Long item) {
        return items.attachmentsOf(item).get(0).id();
    }

    private Long importJob(Long channel) {
        Long source = sources.createImport(channel, DataScope.installation(), "导入" + System.nanoTime()).id();
        return imports.upload(source, DataScope.installation(), accounts.loadUserByUsername("guanli"), "来电.csv",
                "标题,正文\n停水,小区停水\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).id();
    }
}

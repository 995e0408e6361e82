package cn.yuqing.opinion;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.yuqing.analysis.Candidates;
import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.intake.ChannelData;
import cn.yuqing.intake.ChannelType;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;

import static org.awaitility.Awaitility.await;

/** A matter of its own for a test: one post on a fresh county channel, analysed, in its own candidate. */
@Component
public class EventFixtures {

    private final ItemIntake intake;
    private final Channels channels;
    private final OrganisationDirectory directory;
    private final ItemAnalyses analyses;
    private final Candidates candidates;
    private final OpinionManagement opinions;
    private final EventRouting routing;
    private final Accounts accounts;

    EventFixtures(ItemIntake intake, Channels channels, OrganisationDirectory directory, ItemAnalyses analyses,
            Candidates candidates, OpinionManagement opinions, EventRouting routing, Accounts accounts) {
        this.intake = intake;
        this.channels = channels;
        this.directory = directory;
        this.analyses = analyses;
        this.candidates = candidates;
        this.opinions = opinions;
        this.routing = routing;
        this.accounts = accounts;
    }

    /** An event of a new post, opened and verified (true, a major problem) by the county analyst. */
    public OpinionEvent verifiedEvent(String title, String text) {
        return verifiedEvent(title, text, MatterKind.MAJOR_PROBLEM);
    }

    public OpinionEvent verifiedEvent(String title, String text, MatterKind kind) {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        OpinionEvent e = opinions.open(candidate(title, text), scope, analyst);
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        return opinions.verify(e.id(), e.version(), scope, analyst, "经核实情况属实", "现场核查", Conclusion.TRUE, kind);
    }

    /** The 潢川县住房和城乡建设局, the responsible unit of most tests' events. */
    public Long housing() {
        return directory.unitsIn("411526").stream().filter(u -> u.name().equals("潢川县住房和城乡建设局")).findFirst().orElseThrow().id();
    }

    /** Verified (true, of the kind), routed to the 住建局 and judged a key response of the grade, by the county analyst. */
    public OpinionEvent judgedEvent(String title, MatterKind kind, String grade, boolean emergency) {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        OpinionEvent e = verifiedEvent(title, "县城区" + title + "，群众反映强烈。", kind);
        e = routing.override(e.id(), e.version(), scope, analyst, housing(), null, null, "住建局主管");
        return opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), grade, emergency, "影响面广");
    }

    /** The candidate of a new post; if clustering joined it to an earlier test's matter, split it out. */
    public Long candidate(String title, String text) {
        return candidateOf(post(title, text));
    }

    /** The analysed item's candidate, on its own: clustering may have joined it to an earlier test's matter. */
    public Long candidateOf(Long item) {
        Long candidate = analyses.find(item).orElseThrow().candidateId();
        if (candidates.itemsOf(candidate).size() > 1) {
            candidate = candidates.split(candidate, List.of(item), DataScope.installation()).id();
        }
        return candidate;
    }

    /** Another post, discovered now (by the injected clock), placed in the candidate by hand. */
    public Long addItem(Long candidateId, String text) {
        Long item = post(null, text);
        if (!analyses.find(item).orElseThrow().candidateId().equals(candidateId)) {
            candidates.move(item, candidateId, DataScope.installation());
        }
        return item;
    }

    /** A post on a fresh county channel, discovered now, once analysed. */
    private Long post(String title, String text) {
        var channel = channels.create(new ChannelData("测试渠道" + System.nanoTime(), ChannelType.WEIBO,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        Long item = intake.receive(ItemSubmission.of(channel.id(), "fixture-" + System.nanoTime(), null, title, text, null, null),
                new Provenance("test", null, null, null)).itemId();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.find(item).isPresent());
        return item;
    }

    public Long candidate(String text) {
        return candidate(null, text);
    }

    /**
     * A citizen's call on the hotline with the way back (a phone number), opened as an event, judged
     * a key response of the ordinary grade, routed by hand to the unit and planned: the unit's work
     * order is sent.
     */
    public OpinionEvent plannedCitizenMatter(String title, String text, String contact, Long unitId) {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        var channel = channels.create(new ChannelData("热线" + System.nanoTime(), ChannelType.HOTLINE,
                directory.governmentOfficeOf("411526").orElseThrow().id(), null, 1, true, Set.of()), DataScope.installation());
        Long item = intake.receive(ItemSubmission.of(channel.id(), "call-" + System.nanoTime(), null, title, text, "来电群众", null)
                .withContact(contact), new Provenance("test", null, null, null)).itemId();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyses.find(item).isPresent());
        OpinionEvent e = opinions.open(candidateOf(item), scope, analyst);
        e = opinions.startVerification(e.id(), e.version(), scope, analyst);
        e = opinions.verify(e.id(), e.version(), scope, analyst, "经核实情况属实", "电话核实", Conclusion.TRUE, MatterKind.MAJOR_PROBLEM);
        e = routing.override(e.id(), e.version(), scope, analyst, unitId, null, List.of(), "属地管理");
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), "ORDINARY", false, "群众反映");
        opinions.addTalkingPoints(e.id(), scope, analyst, "已安排疏通，三日内完成。");
        e = opinions.require(e.id(), scope);
        return opinions.makePlan(e.id(), e.version(), scope, analyst, "电话答复", "答复来电群众");
    }

    public Long unit(String name) {
        return directory.unitsIn("411526").stream().filter(u -> u.name().equals(name)).findFirst()
                .or(() -> directory.searchUnits(name).stream().filter(u -> u.name().equals(name)).findFirst()).orElseThrow().id();
    }
}

package cn.yuqing.response;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proofreading and the concerns check on their own: plain unit tests, no Spring. */
class ProofreadingTests {

    static final List<Proofreading.Leader> LEADERS = List.of(
            new Proofreading.Leader("何明", "县长", List.of("潢川县县长", "县政府县长", "县长")),
            new Proofreading.Leader("钱勇", "镇长", List.of("踅孜镇镇长")));

    static final List<String> UNITS = List.of("潢川县住房和城乡建设局", "县住建局", "潢川县交通运输局", "县交通运输局");

    static ProofreadingTerm term(ProofreadingTerm.Kind kind, String term, String note) {
        return new ProofreadingTerm(kind, term, note, "zhengfuban", Instant.EPOCH);
    }

    static List<Proofreading.Finding> check(String text, String facts, ProofreadingTerm... terms) {
        return Proofreading.check(text, LEADERS, List.of(terms), facts, UNITS, java.util.Set.of());
    }

    @Test
    void aPostNamedWithSomeoneElsesNameIsFlaggedWithTheDirectorysHolder() {
        List<Proofreading.Finding> f = check("县长张伟表示，将全力做好善后工作。", null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Proofreading.Kind.LEADER);
            assertThat(x.found()).isEqualTo("县长张伟");
            assertThat(x.advice()).contains("何明");
        });
        assertThat(check("潢川县县长王小明带队赶赴现场。", null)).extracting(Proofreading.Finding::found)
                .containsExactly("潢川县县长王小明");
        // the right name, a deputy's post, a post followed by no name: nothing to say
        assertThat(check("县长何明表示，副县长李强带队，县长在会上强调。踅孜镇镇长钱勇到场。", null)).isEmpty();
        assertThat(check("踅孜镇镇长孙立到场。", null)).extracting(Proofreading.Finding::advice)
                .containsExactly("名录中的踅孜镇镇长是钱勇");
    }

    @Test
    void theOfficesListsFlagEveryEntryTheTextCarries() {
        List<Proofreading.Finding> f = check("原县城建局局长刘某某介绍，这次事件的维稳工作已经部署。", null,
                term(ProofreadingTerm.Kind.FORMER_OFFICIAL, "刘某某", "2026年6月免职"),
                term(ProofreadingTerm.Kind.SENSITIVE_WORD, "维稳", null),
                term(ProofreadingTerm.Kind.FORMER_UNIT_NAME, "县城建局", "县住房和城乡建设局"),
                term(ProofreadingTerm.Kind.SENSITIVE_WORD, "不在文中", null));
        assertThat(f).extracting(Proofreading.Finding::kind).containsExactlyInAnyOrder(Proofreading.Kind.FORMER_OFFICIAL,
                Proofreading.Kind.SENSITIVE_WORD, Proofreading.Kind.UNIT_NAME);
        assertThat(f).extracting(Proofreading.Finding::advice).anyMatch(a -> a.contains("2026年6月免职"))
                .anyMatch(a -> a.contains("现用名称：县住房和城乡建设局"));
    }

    @Test
    void aUnitNamedAsTheDirectoryDoesNotIsFlaggedWithTheNearestName() {
        assertThat(check("县住建局、潢川县交通运输局和县交通运输局已到场。", null)).isEmpty();
        assertThat(check("可到市民服务中心咨询。", null)).as("no unit's name, nor close to one").isEmpty();
        List<Proofreading.Finding> f = check("县交通局已安排抢修。", null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Proofreading.Kind.UNIT_NAME);
            assertThat(x.found()).isEqualTo("县交通局");
            assertThat(x.advice()).contains("县交通运输局");
        });
    }

    @Test
    void numbersAndDatesAreCheckedAgainstTheVerifiedFacts() {
        String facts = "12月4日晚，踅孜镇某村道路塌陷，2人轻伤，1辆货车受损，已送医治疗。";
        List<Proofreading.Finding> f = check("12月5日晚发生塌陷，造成3人受伤，1辆货车受损。", facts);
        assertThat(f).extracting(Proofreading.Finding::found).containsExactlyInAnyOrder("3人", "12月5日");
        assertThat(f).filteredOn(x -> x.kind() == Proofreading.Kind.NUMBER).singleElement()
                .satisfies(x -> assertThat(x.advice()).contains("2人"));
        // 两 is 2; a date the caller names (the day of publication) is not questioned
        assertThat(check("12月4日晚发生塌陷，两人轻伤。", facts)).isEmpty();
        // plain speech and ordinals are not counts: 大家一起, 第一人民医院
        assertThat(check("12月4日晚，大家一起把两人送到县第一人民医院。", facts)).isEmpty();
        assertThat(Proofreading.check("12月6日通报：两人轻伤。", LEADERS, List.of(), facts, UNITS, java.util.Set.of("12月6日")))
                .isEmpty();
        assertThat(Proofreading.value("十二")).isEqualTo("12");
        assertThat(Proofreading.value("二十")).isEqualTo("20");
    }

    @Test
    void officialWritingAndFullWidthPunctuation() {
        List<Proofreading.Finding> f = check("截止目前,现场秩序良好,其它情况(如交通)正在核查。", null);
        assertThat(f).extracting(Proofreading.Finding::kind).containsExactly(Proofreading.Kind.WORDING, Proofreading.Kind.WORDING,
                Proofreading.Kind.PUNCTUATION, Proofreading.Kind.PUNCTUATION);
        assertThat(f).filteredOn(x -> x.found().equals(",")).singleElement()
                .satisfies(x -> assertThat(x.advice()).contains("2处").contains("“，”"));
        assertThat(check("截止日期为12月31日，逾期不予受理。Wi-Fi, 4G 信号正常。", null)).isEmpty();
    }

    @Test
    void aReleaseThatLeavesOutTheMainConcernOrOnlyReportsMeetingsIsFlagged() {
        List<String> concerns = List.of("塌陷", "补偿", "通行");
        ConcernCheck.Result answered = ConcernCheck.check(concerns, "道路塌陷已抢修完毕，今日恢复通行。");
        assertThat(answered.flagged()).isFalse();
        assertThat(answered.uncovered()).containsExactly("补偿");
        ConcernCheck.Result missed = ConcernCheck.check(concerns, "受损车辆的补偿已经落实，通行正常。");
        assertThat(missed.flagged()).isTrue();
        assertThat(missed.main()).isEqualTo("塌陷");
        ConcernCheck.Result meetings = ConcernCheck.check(concerns, "县委县政府高度重视，召开专题会研究部署，强调要压实责任。");
        assertThat(meetings.workNews()).isTrue();
        assertThat(ConcernCheck.check(List.of(), "任何内容").flagged()).isFalse();
    }
}

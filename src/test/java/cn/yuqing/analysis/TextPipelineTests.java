package cn.yuqing.analysis;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's parts on their own: no database, no Spring. */
class TextPipelineTests {

    static Gazetteer gazetteer() {
        var xuezi = new Gazetteer.Target(Gazetteer.Kind.PLACE, "411526107", "踅孜镇");
        var chunshen = new Gazetteer.Target(Gazetteer.Kind.PLACE, "411526001", "春申街道");
        var government = new Gazetteer.Target(Gazetteer.Kind.UNIT, "38", "踅孜镇人民政府");
        var housing = new Gazetteer.Target(Gazetteer.Kind.UNIT, "10", "潢川县住房和城乡建设局");
        java.util.Map<String, List<Gazetteer.Target>> names = new java.util.HashMap<>();
        for (String form : Gazetteer.placeForms("踅孜镇")) {
            names.put(form, List.of(xuezi));
        }
        for (String form : Gazetteer.placeForms("春申街道")) {
            names.put(form, List.of(chunshen));
        }
        names.put("踅孜镇人民政府", List.of(government));
        names.put("县住建局", List.of(housing));
        names.put("潢川县住房和城乡建设局", List.of(housing));
        return new Gazetteer(names);
    }

    static TextPipeline pipeline(List<MonitoringScheme> schemes) {
        return new TextPipeline(gazetteer(), new SchemeMatcher(schemes), new LexiconSentiment(), null, null,
                new CueWords(TextPipeline.criteriaLexicon()), new CueWords(TextPipeline.categoryLexicon()));
    }

    @Test
    void placesAreFoundByTheirShortFormsAndTheLongestNameWins() {
        List<Gazetteer.Hit> hits = gazetteer().find("踅孜那边的桥要封了，踅孜镇人民政府说在春申开会，县住建局也来了");
        assertThat(hits).extracting(h -> h.target().canonical())
                .containsExactly("踅孜镇", "踅孜镇人民政府", "春申街道", "潢川县住房和城乡建设局");
    }

    @Test
    void villageCommitteesAreKnownByTheWordsPeopleUse() {
        assertThat(Gazetteer.placeForms("文庙社区居民委员会")).contains("文庙社区");
        assertThat(Gazetteer.placeForms("刘营村民委员会")).contains("刘营村");
        assertThat(Gazetteer.placeForms("伞陂镇")).contains("伞陂");
    }

    @Test
    void traditionalCharactersAreReadAsSimplified() {
        Features f = pipeline(List.of()).analyse(null, "踅孜鎮的橋要封閉了，縣裡怎麼不回應？", null, null);
        assertThat(f.simplified()).contains("踅孜镇的桥要封闭了").contains("县里怎么不回应");
        assertThat(f.placeNames()).containsExactly("踅孜镇");
    }

    @Test
    void aComplaintIsNegativeWithItsWordsAsReasonsAndAngerRaisesItsSignal() {
        SentimentReading r = pipeline(List.of()).analyse(null, "物业乱收费，电梯坏了也不修，业主非常气愤，凭什么！！", null, null)
                .sentiment();
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(r.signals()).contains(Sentiment.Signal.ANGER);
        assertThat(r.reasons()).anyMatch(reason -> reason.startsWith("乱收费"));
    }

    @Test
    void fearWordsRaiseAnxietyAndNegationFlipsPraise() {
        SentimentReading fear = pipeline(List.of()).analyse(null, "自来水浑浊发黄，担心有毒，不敢给孩子喝，怎么办", null, null)
                .sentiment();
        assertThat(fear.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(fear.signals()).contains(Sentiment.Signal.FEAR);
        assertThat(pipeline(List.of()).analyse(null, "窗口工作人员一点都不耐心，很不满意", null, null).sentiment().sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(pipeline(List.of()).analyse(null, "感谢县住建局及时修好路灯，非常满意", null, null).sentiment().sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(pipeline(List.of()).analyse(null, "请问医保什么时候开始缴费", null, null).sentiment().sentiment())
                .isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void aSchemeMatchesOnAnIncludeWordUnlessAnExcludeWordOrItsScopeSaysOtherwise() {
        MonitoringScheme food = scheme(1L, "食品安全", "食堂 变质 中毒", "美食节", Set.of(7L));
        TextPipeline p = pipeline(List.of(food));
        assertThat(p.analyse(null, "学校食堂饭菜变质", 7L, 1L).schemes()).containsOnlyKeys(1L);
        assertThat(p.analyse(null, "学校食堂饭菜变质", 7L, 1L).schemes().get(1L)).containsExactly("食堂", "变质");
        assertThat(p.analyse(null, "美食节上食堂很热闹", 7L, 1L).schemes()).isEmpty();
        assertThat(p.analyse(null, "学校食堂饭菜变质", 8L, 1L).schemes()).isEmpty();
    }

    @Test
    void criteriaAndCategoriesAreSuggestedWithTheWordsSeen() {
        Features f = pipeline(List.of()).analyse(null, "化工厂发生爆炸起火，附近学校学生紧急疏散", null, null);
        assertThat(f.criteria()).containsKey("d");
        assertThat(f.criteria().get("d")).contains("爆炸");
        assertThat(f.categories()).containsKeys("EMERGENCY", "EDUCATION");
    }

    @Test
    void aRepostWithAShortCommentStaysANearDuplicateAndOtherPostsDoNot() {
        String original = "县城某学校食堂饭菜有异味，好几个孩子吃完肚子疼，学校说没事，家长们都很着急，希望有关部门尽快调查处理！";
        String repost = "转发微博：太吓人了 //@潢川家长群:" + original;
        String edited = original.replace("好几个", "五六个").replace("！", "。");
        String other = "踅孜镇那边的桥是不是要封了？听说要拆了重建，孩子每天上学要从那里过，绕路要多走五公里。";
        int[] a = MinHash.signature(original);
        assertThat(MinHash.similarity(a, MinHash.signature(repost))).isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
        assertThat(MinHash.similarity(a, MinHash.signature(edited))).isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
        assertThat(MinHash.similarity(a, MinHash.signature(other))).isLessThan(0.2);
        long[] bandsA = MinHash.bandKeys(a);
        long[] bandsRepost = MinHash.bandKeys(MinHash.signature(repost));
        assertThat(java.util.stream.IntStream.range(0, MinHash.BANDS).anyMatch(i -> bandsA[i] == bandsRepost[i])).isTrue();
    }

    @Test
    void theTrainedModelLearnsFromExamplesAndSaysHowManyItRestsOn() {
        List<NaiveBayes.Example<Sentiment>> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(example(Sentiment.NEGATIVE, "路灯坏了没人修，投诉也没用，太失望了" + i));
            examples.add(example(Sentiment.POSITIVE, "感谢工作人员耐心细致，问题很快解决了" + i));
        }
        NaiveBayes<Sentiment> model = new NaiveBayes<>(examples);
        assertThat(model.classify(ChineseText.words("路灯又坏了没人管"), "路灯又坏了没人管").label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(model.method())
                .contains("60条样本");
    }

    private static NaiveBayes.Example<Sentiment> example(Sentiment s, String text) {
        return new NaiveBayes.Example<>(s, ChineseText.words(text), text);
    }

    static MonitoringScheme scheme(Long id, String name, String include, String exclude, Set<Long> channels) {
        MonitoringScheme s = new MonitoringScheme(name, include, exclude, channels, Set.of());
        try {
            var field = MonitoringScheme.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(s, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    @Test
    void schemeWordsAreSplitOnAnySeparatorAndLimited() {
        assertThat(MonitoringScheme.words("食堂，变质、中毒\n拉肚子 ; 异味")).containsExactly("食堂", "变质", "中毒", "拉肚子", "异味");
    }
}

package cn.yuqing.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The main matter from cue words: no Spring, no database. */
class MatterCuesTests {

    @Test
    void theCategoryMostItemsCarryIsTheMainMatterAndContextWordsWeighNothing() {
        MatterCues cues = new MatterCues();
        for (int i = 0; i < 12; i++) {
            cues.add(Map.of("WEATHER", Set.of("暴雨", "大风"), "TRANSPORT", Set.of("桥")));
        }
        assertThat(cues.suggest(Set.of()).main()).isEqualTo("WEATHER");
        MainMatter matter = cues.suggest(Set.of("暴雨", "大风"));
        assertThat(matter.main()).isEqualTo("TRANSPORT");
        assertThat(matter.others()).isEmpty();
        assertThat(matter.confirmed()).isFalse();
        assertThat(matter.cues()).containsOnlyKeys("TRANSPORT");
    }

    @Test
    void aSecondaryMatterNeedsAQuarterOfTheMainWeight() {
        MatterCues cues = new MatterCues().add("TRANSPORT", "桥", 8).add("EMERGENCY", "被困", 2).add("HEALTH", "医院", 1);
        MainMatter matter = cues.suggest(Set.of());
        assertThat(matter.main()).isEqualTo("TRANSPORT");
        assertThat(matter.others()).containsExactly("EMERGENCY");
    }

    @Test
    void tiesGoToMoreDistinctWordsThenToCodeOrderSoThatEveryNodeAgrees() {
        MatterCues cues = new MatterCues().add("HOUSING", "物业", 1).add("HOUSING", "小区", 1).add("PUBLIC_ORDER", "派出所", 2);
        assertThat(cues.suggest(Set.of()).main()).isEqualTo("HOUSING");
        assertThat(new MatterCues().add("URBAN", "占道", 1).add("MARKET", "商家", 1).suggest(Set.of()).main()).isEqualTo("MARKET");
    }

    @Test
    void nothingButContextMeansNoMatter() {
        assertThat(new MatterCues().add("WEATHER", "暴雨", 3).suggest(Set.of("暴雨")).known()).isFalse();
    }
}

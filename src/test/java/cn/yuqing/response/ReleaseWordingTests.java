package cn.yuqing.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 23: an event's netizen title becomes the subject of an official text without its tone. No Spring. */
class ReleaseWordingTests {

    @Test
    void exclamationQuestionTagsAndQuotesLeaveTheSubject() {
        assertThat(ReleaseTemplate.subject("暴雨冲垮踅孜镇一村道桥梁，有人被困！")).isEqualTo("暴雨冲垮踅孜镇一村道桥梁，有人被困");
        assertThat(ReleaseTemplate.subject("#潢川身边事# 网传“死亡10人，政府瞒报”？？@潢川发布")).isEqualTo("网传死亡10人，政府瞒报");
        assertThat(ReleaseTemplate.subject("【求助】小区停水三天了！！！谁来管管？")).isEqualTo("小区停水三天了，谁来管管");
        assertThat(ReleaseTemplate.subject("急：学校食堂饭菜有虫😡……")).isEqualTo("学校食堂饭菜有虫");
        assertThat(ReleaseTemplate.subject("！！！")).isEqualTo("！！！");
    }

    @Test
    void theFirstDraftReadsAsAnOfficialText() {
        ReleaseTemplate t = new ReleaseTemplate();
        t.change("关于{事件}的情况通报", "关于{事件}，{责任单位}高度重视。");
        var values = ReleaseTemplate.values("暴雨冲垮踅孜镇一村道桥梁，有人被困！", "事实", "口径", "潢川县交通运输局",
                Instant.parse("2027-07-12T00:00:00Z"));
        assertThat(t.fill(t.title(), values)).isEqualTo("关于暴雨冲垮踅孜镇一村道桥梁，有人被困的情况通报");
        assertThat(t.fill(t.body(), values)).doesNotContain("！，").startsWith("关于暴雨冲垮踅孜镇一村道桥梁，有人被困，潢川县交通运输局");
    }
}

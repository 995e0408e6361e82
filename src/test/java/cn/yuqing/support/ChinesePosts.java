package cn.yuqing.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.yuqing.intake.ItemSubmission;

/** Realistic ~250-character county posts for benchmarks, written from county vocabulary (no data set). */
public final class ChinesePosts {

    static final String[] PLACES = {"春申街道", "定城街道", "弋阳街道", "老城街道", "双柳树镇", "伞陂镇", "卜塔集镇", "仁和镇", "付店镇",
        "踅孜镇", "桃林铺镇", "黄寺岗镇", "江家集镇", "魏岗镇", "传流店乡", "张集乡", "来龙乡", "隆古乡", "谈店乡", "上油岗乡", "白店乡"};
    static final String[] MATTERS = {"小区停车位严重不足，消防通道常被占用", "农村道路破损多年无人维修，雨天泥泞难行",
        "学校周边交通拥堵，接送孩子存在安全隐患", "自来水浑浊有异味，担心饮水安全", "工地夜间施工噪音扰民，影响休息",
        "养殖场异味严重，夏天无法开窗", "城乡居民医保缴费渠道不清楚，老人不会线上操作", "拆迁补偿标准不透明，群众有疑虑",
        "菜市场占道经营，早晚高峰通行困难", "路灯损坏一周无人修理，夜间出行不便", "低保审核时间过长，困难家庭生活受影响",
        "河道垃圾堆积，汛期存在隐患"};
    static final String[] ASKS = {"希望有关部门尽快调查处理。", "请相关部门给个说法。", "多次反映未解决，恳请领导重视。",
        "建议加强监管，及时公开处理结果。", "家里老人孩子都很着急，盼望早日解决。"};

    private ChinesePosts() {
    }

    public static List<String> texts(int count, long seed) {
        Random random = new Random(seed);
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String place = PLACES[random.nextInt(PLACES.length)];
            StringBuilder text = new StringBuilder();
            while (text.length() < 250) {
                text.append(place).append("群众反映：").append(MATTERS[random.nextInt(MATTERS.length)]).append("。")
                        .append(ASKS[random.nextInt(ASKS.length)]);
            }
            list.add(text.substring(0, 250));
        }
        return list;
    }

    public static List<ItemSubmission> submissions(Long channelId, int count, long seed, String prefix) {
        Random random = new Random(seed);
        List<String> texts = texts(count, seed);
        List<ItemSubmission> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new ItemSubmission(channelId, prefix + i, null, "群众反映问题" + i, texts.get(i), "网友" + random.nextInt(100000),
                    Instant.now().minusSeconds(86_400), (long) random.nextInt(500), (long) random.nextInt(200),
                    (long) random.nextInt(1000), null, false, null, List.of()));
        }
        return list;
    }
}

package cn.yuqing.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Unit;

/**
 * Demo channels of 潢川县 (portal, open-affairs column, official Weibo and WeChat, the service
 * hall, the county head's mailbox, the 12345 hotline, a township service centre), their monitors,
 * an import source and a handful of items written for the demo (not real posts).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoIntake {

    private static final Logger log = LoggerFactory.getLogger(DemoIntake.class);

    /** {@code contact}: the way back a citizen left (fictional), so that the demo can answer and follow up. */
    record DemoItem(String channel, String title, String text, String author, int hoursAgo, boolean urgent, String contact) {
    }

    static final List<DemoItem> ITEMS = List.of(
            new DemoItem("县长信箱", "关于春申街道某小区停车难的建议", "小区建成十多年，车位严重不足，晚上车辆占用消防通道。建议在小区东侧空地规划临时停车场，并加强物业管理。",
                    "张先生", 30, false, "zhang.demo@example.com"),
            new DemoItem("潢川县人民政府门户网站", "咨询城乡居民医保缴费时间", "请问2027年度城乡居民医保什么时候开始缴费？在哪里可以线上缴纳？老人不会用手机怎么办？",
                    "网友“小潢川”", 20, false, null),
            new DemoItem("潢川发布官方微博", null, "踅孜镇那边的桥是不是要封了？听说要拆了重建，孩子每天上学要从那里过，绕路要多走五公里，有没有官方说法？",
                    "@踅孜人在外地", 6, false, null),
            new DemoItem("12345政务服务便民热线", "反映伞陂镇某养殖场异味扰民", "来电人反映：伞陂镇某村附近养殖场夏季异味严重，晚上无法开窗，多次向村里反映未解决，要求有关部门调查处理。",
                    "来电人（匿名）", 4, false, "13900001234"),
            new DemoItem("潢川发布官方微博", null, "转发：县城某学校食堂饭菜有异味，好几个孩子吃完肚子疼，学校说没事，家长们都很着急！",
                    "@潢川家长群", 2, true, null),
            new DemoItem("县政务服务大厅", "群众现场反映不动产登记办理慢", "来访群众称办理不动产登记已跑三次，每次都说材料不全，但一次性告知的清单里没有写。希望能一次讲清楚。",
                    "李女士", 1, false, "0376-3912345"));

    @Bean
    @Order(2)
    ApplicationRunner demoIntakeLoader(Channels channels, ItemIntake intake, Sources sources, ChannelRepository repository,
            OrganisationDirectory directory, Clock clock) {
        return args -> {
            if (repository.count() > 0 || directory.governmentOfficeOf("411526").isEmpty()) {
                return;
            }
            DataScope all = DataScope.forSystemTask("演示数据");
            Unit office = directory.governmentOfficeOf("411526").orElseThrow();
            Unit publicity = directory.publicityDepartmentOf("411526").orElseThrow();
            Unit xuezi = directory.governmentOf("411526107").orElseThrow();
            Long county = directory.person("jiankong").map(Person::id).orElseThrow();
            Long township = directory.person("jiankong.xuezi").map(Person::id).orElseThrow();
            channels.create(new ChannelData("潢川县人民政府门户网站", ChannelType.PORTAL, office.id(), "http://www.huangchuan.gov.cn", 2,
                    true, Set.of(county)), all);
            channels.create(new ChannelData("政务公开专栏", ChannelType.OPEN_AFFAIRS, office.id(), "http://www.huangchuan.gov.cn/zwgk",
                    1, true, Set.of(county)), all);
            channels.create(new ChannelData("潢川发布官方微博", ChannelType.WEIBO, publicity.id(), null, 3, true, Set.of(county)), all);
            channels.create(new ChannelData("潢川发布微信公众号", ChannelType.WECHAT, publicity.id(), null, 2, true, Set.of(county)), all);
            channels.create(new ChannelData("县政务服务大厅", ChannelType.SERVICE_HALL, office.id(), "潢川县政务服务中心一楼", 1, true,
                    Set.of(county)), all);
            Channel mailbox = channels.create(new ChannelData("县长信箱", ChannelType.MAILBOX, office.id(), "县政府门户网站·县长信箱", 1,
                    true, Set.of(county)), all);
            Channel hotline = channels.create(new ChannelData("12345政务服务便民热线", ChannelType.HOTLINE, office.id(), null, 1, true,
                    Set.of(county)), all);
            channels.create(new ChannelData("踅孜镇便民服务中心", ChannelType.SERVICE_HALL, xuezi.id(), "踅孜镇人民政府一楼", 1, true,
                    Set.of(township)), all);
            sources.createImport(hotline.id(), all, "12345热线工单导出");
            var api = sources.createApi(mailbox.id(), all, "县长信箱系统推送", 24 * 60);

            Instant now = clock.instant();
            int n = 0;
            for (DemoItem d : ITEMS) {
                Channel channel = repository.findAll().stream().filter(c -> c.name().equals(d.channel())).findFirst().orElseThrow();
                intake.receive(new ItemSubmission(channel.id(), "demo-" + (++n), null, d.title(), d.text(), d.author(),
                        now.minus(Duration.ofHours(d.hoursAgo())), null, null, null, null, d.urgent(),
                        d.urgent() ? "涉及学生食品安全，家长情绪激动" : null, List.of()).withContact(d.contact()),
                        Provenance.monitor("jiankong", county, null));
            }
            log.warn("""

                    ================================================================
                      演示渠道 8 个、演示舆情信息 {} 条已载入。
                      “县长信箱系统推送”的接口密钥（只显示这一次）：{}
                    ================================================================
                    """, ITEMS.size(), api.apiKey());
        };
    }
}

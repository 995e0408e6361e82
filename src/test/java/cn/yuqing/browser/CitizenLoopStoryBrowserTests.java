package cn.yuqing.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.notification.Deliveries;
import cn.yuqing.support.Browser;
import cn.yuqing.support.BrowserStory;
import cn.yuqing.support.LoopbackSmsGateway;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's story, in a real browser, each step by the person who does it: a 12345 hotline row
 * about a blocked drain is imported and becomes a work order for the wrong township, which sends
 * it back (退单); the government office upholds it and re-routes; the right township signs for it,
 * asks an extension (approved) and replies by SMS; the citizen's survey link, read from the loopback
 * SMS gateway's log, answers 不满意; the work is reopened and answered again; the second survey is
 * 满意; the month's scorecards show the 退单, the extension and a satisfaction rate of 50 %.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CitizenLoopStoryBrowserTests extends BrowserStory {

    static final String DRAIN = "踅孜镇前进村排水沟堵塞";
    static final String PHONE = "13937600001";
    static final String XUEZI = "踅孜镇人民政府";
    static final String SANPI = "伞陂镇人民政府";

    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected String screenshotPrefix() {
        return "citizen";
    }

    @Test
    void aHotlineCallGoesRoundTheLoopToTheScorecard() throws Exception {
        try (LoopbackSmsGateway gateway = LoopbackSmsGateway.start()) {
            // the administrator connects the county's SMS gateway
            use(Browser.desktop());
            as("guanli");
            open("/notifications/deliveries");
            browser.findElement(By.id("sms-url")).sendKeys(gateway.url());
            browser.findElement(By.id("sms-account")).sendKeys(LoopbackSmsGateway.ACCOUNT);
            browser.findElement(By.id("sms-secret")).sendKeys(LoopbackSmsGateway.SECRET);
            browser.findElement(By.id("sms-signature")).sendKeys("【潢川县人民政府】");
            Browser.tap(browser, browser.findElement(By.id("sms-active")));
            press("保存");
            assertThat(text(".alert-success")).isEqualTo("短信网关已启用");

            // 4.1 the hotline export is imported; the caller's number comes in as the item's contact
            as("jiankong");
            Path csv = Files.createTempFile("12345-", ".csv");
            Files.writeString(csv, "工单编号,来电人,联系电话,诉求内容\nRX2027071201,王先生," + PHONE + "," + DRAIN
                    + "，雨后污水漫进院子，已经一个星期了，请尽快疏通\n");
            open("/intake/imports/new");
            new Select(browser.findElement(By.id("sourceId"))).selectByVisibleText("12345热线工单导出");
            browser.findElement(By.id("file")).sendKeys(csv.toString());
            press("上传");
            assertThat(new Select(browser.findElement(By.id("column_CONTACT"))).getFirstSelectedOption().getText()).isEqualTo("联系电话");
            press("开始导入");
            wait.until(d -> d.findElement(By.id("progress")).getText().contains("导入完成"));
            assertThat(text("#progress")).contains("新增 1");

            // the analyst opens it as an event, judges it and — wrongly — routes it to 伞陂镇
            as("yanpan");
            wait.until(d -> {
                open("/intake/items?q=" + java.net.URLEncoder.encode("排水沟", java.nio.charset.StandardCharsets.UTF_8));
                return !d.findElements(By.partialLinkText("排水沟堵塞")).isEmpty();
            });
            assertThat(text("main")).doesNotContain(PHONE);
            browser.findElement(By.partialLinkText("排水沟堵塞")).click();
            assertThat(text("main")).doesNotContain(PHONE);
            follow("分析结果与所属候选事件");
            follow("所属候选事件");
            press("立为舆情事件");
            String event = browser.getCurrentUrl().replaceAll(".*/events/(\\d+).*", "$1");
            press("开始核实");
            browser.findElement(By.id("facts")).sendKeys("经电话核实，排水沟堵塞属实。");
            new Select(browser.findElement(By.id("conclusion"))).selectByVisibleText("属实");
            new Select(browser.findElement(By.id("kind"))).selectByVisibleText("群众反映的重大问题");
            press("保存核实");
            if (!browser.findElement(By.id("cb")).isSelected()) {
                Browser.tap(browser, browser.findElement(By.id("cb")));
            }
            new Select(browser.findElement(By.id("grade"))).selectByVisibleText("一般");
            browser.findElement(By.id("reasons")).sendKeys("群众生活受影响");
            press("保存研判");
            new Select(browser.findElement(By.id("unitId"))).selectByVisibleText(SANPI);
            browser.findElement(By.cssSelector("form[action$='override-routing'] input[name=reason]")).sendKeys("按来电所述地点");
            press("人工指定");
            browser.findElement(By.id("tp")).sendKeys("已安排疏通排水沟，三日内完成。");
            press("保存口径");
            browser.findElement(By.name("channels")).sendKeys("电话、短信答复来电群众");
            browser.findElement(By.name("methods")).sendKeys("答复来电群众");
            press("确定方案并派发任务单");
            wait.until(d -> d.findElement(By.tagName("main")).getText().contains(SANPI + "：待签收"));
            shot("routed-to-the-wrong-township");

            // 伞陂镇, on the phone, sends it back: not its territory
            use(Browser.phone());
            as("sanpi.huiying");
            open("/work-orders");
            WebElement order = browser.findElement(By.xpath("//div[contains(@class, 'work-order')][contains(., '" + DRAIN + "')]"));
            Browser.tap(browser, order.findElement(By.cssSelector("details.send-back summary")));
            new Select(order.findElement(By.name("code"))).selectByVisibleText("不属于本单位辖区");
            order.findElement(By.name("reason")).sendKeys("前进村属踅孜镇管辖，不在本镇辖区");
            assertThat(Browser.pageWidth(browser)).as("fits the phone").isLessThanOrEqualTo(390);
            shot("send-back-on-the-phone");
            press("提交退单");
            assertThat(text(".alert-success")).isEqualTo("已退单，等待政府办公室仲裁");

            // the government office upholds it and re-routes to 踅孜镇, the rules' suggestion recomputed
            use(Browser.desktop());
            as("zhengfuban");
            open("/work-orders/decisions");
            WebElement decision = browser.findElement(By.xpath("//div[contains(@class, 'decision')][contains(., '" + DRAIN + "')]"));
            assertThat(decision.getText()).contains("不属于本单位辖区").contains("前进村属踅孜镇管辖");
            new Select(decision.findElement(By.name("unitId"))).selectByValue(String.valueOf(unitId(XUEZI)));
            shot("arbitration");
            Browser.click(browser, decision.findElement(By.xpath(".//button[normalize-space(.)='退单成立并改派']")));
            assertThat(text(".alert-success")).isEqualTo("退单成立，已改派");
            open("/events/" + event);
            assertThat(text("main")).contains("第一责任主体：" + XUEZI).contains("退单（不属于本单位辖区）");

            // 踅孜镇 signs for it and asks for two more days
            use(Browser.phone());
            as("xuezi.huiying");
            open("/work-orders");
            order = browser.findElement(By.xpath("//div[contains(@class, 'work-order')][contains(., '" + DRAIN + "')]"));
            assertThat(order.getText()).as("a co-operating unit made responsible is asked what that role asks").doesNotContain("协办单位");
            Browser.click(browser, order.findElement(By.xpath(".//button[normalize-space(.)='签收']")));
            assertThat(text(".alert-success")).isEqualTo("已签收");
            order = browser.findElement(By.xpath("//div[contains(@class, 'work-order')][contains(., '" + DRAIN + "')]"));
            Browser.tap(browser, order.findElement(By.cssSelector("details.extension summary")));
            browser.executeScript("arguments[0].value = '2027-07-21T17:00'", order.findElement(By.name("until")));
            order.findElement(By.cssSelector("details.extension textarea")).sendKeys("需协调挖掘机清淤");
            press("提交延期申请");
            assertThat(text(".alert-success")).startsWith("延期申请已提交");
            assertThat(text("main")).contains("本规范第4.4条规定的5小时、24小时、48小时回应时限不能延长");

            use(Browser.desktop());
            as("zhengfuban");
            open("/work-orders/decisions");
            press("同意延期");
            assertThat(text(".alert-success")).isEqualTo("已同意延期");
            deliveries.sendDue();
            assertThat(gateway.log()).as("the caller is told of the extension").singleElement().satisfies(sms -> {
                assertThat(sms.mobile()).isEqualTo(PHONE);
                assertThat(sms.content()).contains("经批准延期办理").contains("2027-07-21 17:00");
            });

            // 踅孜镇 replies by SMS; the citizen's survey link arrives through the gateway
            as("xuezi.huiying");
            open("/work-orders");
            browser.findElement(By.xpath("//div[contains(@class, 'work-order')][contains(., '" + DRAIN + "')]//a[normalize-space(.)='答复群众']"))
                    .click();
            assertThat(text("main")).as("the unit that replies sees the number").contains(PHONE);
            browser.findElement(By.id("text")).sendKeys("您反映的排水沟已安排清淤疏通，感谢监督。");
            press("答复");
            assertThat(text(".alert-success")).startsWith("已答复");
            shot("replied");
            String firstLink = surveyLink(gateway, 2);

            // the citizen, on the phone without signing in: 不满意
            use(Browser.phone());
            open(firstLink);
            assertThat(text("main")).contains(DRAIN).contains("已安排清淤疏通").doesNotContain(PHONE);
            assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
            shot("survey-on-the-phone");
            Browser.tap(browser, browser.findElement(By.cssSelector("label[for='rating-UNSATISFIED']")));
            browser.findElement(By.id("comment")).sendKeys("只挖了一半，下雨还是漫水");
            press("提交评价");
            assertThat(text(".survey-message")).contains("不满意").contains("承办单位将重新办理");
            open(firstLink);
            assertThat(text(".survey-message")).contains("您已评价（不满意）");

            // reopened: 踅孜镇 answers again; this time 满意
            use(Browser.desktop());
            as("xuezi.huiying");
            open("/work-orders");
            WebElement redo = browser.findElement(By.xpath("//div[contains(@class, 'work-order')][contains(., '" + DRAIN + "')]"));
            assertThat(redo.getText()).contains("办理中").contains("重办1次").contains("群众不满意：只挖了一半");
            Browser.click(browser, redo.findElement(By.xpath(".//a[normalize-space(.)='答复群众']")));
            browser.findElement(By.id("text")).sendKeys("排水沟已全段清淤并加装盖板，雨后已复查无积水。");
            press("答复");
            // the page the answer leads to, before anything else: a navigation still in flight would replace the next page
            assertThat(text(".alert-success")).startsWith("已答复");
            String secondLink = surveyLink(gateway, 3);
            assertThat(secondLink).isNotEqualTo(firstLink);
            browser.manage().deleteAllCookies();
            open(secondLink);
            Browser.tap(browser, browser.findElement(By.cssSelector("label[for='rating-SATISFIED']")));
            press("提交评价");
            assertThat(text(".survey-message")).contains("感谢您的评价（满意）");

            // the event's record tells it all, without the number
            as("yanpan");
            open("/events/" + event);
            assertThat(text("main")).contains("退单").contains("仲裁退单").contains("同意延期").contains("答复群众").contains("群众回访评价")
                    .contains("重办").doesNotContain(PHONE);
            open("/events/" + event + "/replies");
            assertThat(text("main")).contains("139****0001").doesNotContain(PHONE);
            shot("record");

            // the month's scorecards, against a hand count: one 退单 (upheld), one extension, 1 of 2 satisfied
            int rated = jdbc.queryForObject("select count(*) from survey where answered_at is not null and unit_id = ?", Integer.class,
                    unitId(XUEZI));
            int satisfied = jdbc.queryForObject("select count(*) from survey where rating in ('SATISFIED', 'BASICALLY_SATISFIED') "
                    + "and unit_id = ?", Integer.class, unitId(XUEZI));
            assertThat(rated).isEqualTo(2);
            assertThat(satisfied).isEqualTo(1);
            as("kaohe");
            open("/assessment/scorecards?period=2027-07");
            WebElement xuezi = browser.findElement(By.cssSelector("#scorecards tr[data-unit='" + XUEZI + "']"));
            WebElement sanpi = browser.findElement(By.cssSelector("#scorecards tr[data-unit='" + SANPI + "']"));
            assertThat(xuezi.findElement(By.cssSelector(".satisfaction")).getText()).isEqualTo("50%（1/2）");
            assertThat(cell(sanpi, "退单/不成立")).isEqualTo("1/0");
            assertThat(cell(xuezi, "延期")).isEqualTo("1");
            assertThat(cell(xuezi, "重办")).isEqualTo("1");
            shot("scorecards");
            assertThat(Browser.policyViolations(browser)).isEmpty();
        }
    }

    /** The n-th message's survey link, as the gateway received it, sent by the queue's poller. */
    private String surveyLink(LoopbackSmsGateway gateway, int n) {
        deliveries.sendDue();
        assertThat(gateway.log()).hasSize(n);
        LoopbackSmsGateway.Message sms = gateway.last();
        assertThat(sms.signatureValid()).isTrue();
        assertThat(sms.mobile()).isEqualTo(PHONE);
        assertThat(sms.content()).startsWith("【潢川县人民政府】");
        return sms.surveyPath();
    }

    private Long unitId(String name) {
        return jdbc.queryForObject("select id from unit where name = ?", Long.class, name);
    }

    /** The row's cell under the column headed so. */
    private String cell(WebElement row, String header) {
        var headers = browser.findElements(By.cssSelector("#scorecards thead th")).stream().map(WebElement::getText).toList();
        int column = headers.indexOf(header);
        assertThat(column).as(header + " in " + headers).isNotNegative();
        return row.findElements(By.tagName("td")).get(column).getText();
    }
}

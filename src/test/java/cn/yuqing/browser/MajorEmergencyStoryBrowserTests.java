package cn.yuqing.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.Browser;
import cn.yuqing.support.BrowserStory;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Hardening", part 1: a major emergency from the monitor's phone to the month's notice, every
 * step done by the person the standard names, through the pages they use, in a real browser. The
 * post carries a script canary; no page may run it. Screenshots of each step go to target/screenshots.
 * The story moves the clock by days, so it has a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MajorEmergencyStoryBrowserTests extends BrowserStory {

    static final String CANARY = "<script>window.canary=1</script><img src=x onerror=window.canary=2>";
    static final String HOUSING = "潢川县住房和城乡建设局";

    @Override
    protected String screenshotPrefix() {
        return "story";
    }

    @Test
    void aMajorEmergencyFromThePhoneToTheMonthsNotice() {
        // 4.1 a monitor on patrol captures a post on the phone and reports it at once
        use(Browser.phone());
        as("jiankong");
        open("/intake/capture");
        new Select(browser.findElement(By.id("channelId"))).selectByVisibleText("潢川发布官方微博");
        browser.findElement(By.id("text")).sendKeys("城区自来水厂管网爆裂，全城停水两天了，县里没有任何通知！" + CANARY);
        browser.findElement(By.id("title")).sendKeys(CANARY + "全城停水两天");
        browser.findElement(By.id("author")).sendKeys("潢川网友");
        Browser.tap(browser, browser.findElement(By.id("urgent")));
        browser.findElement(By.id("urgentReason")).sendKeys("涉及全城居民生活，网民情绪激烈");
        assertThat(Browser.pageWidth(browser)).as("fits the phone").isLessThanOrEqualTo(390);
        shot("phone-capture");
        press("保存");
        assertThat(text(".alert-success")).isEqualTo("已录入，并已立即上报研判人员和单位负责人");
        assertThat(text(".item-text")).contains(CANARY);
        assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
        noScriptRan();
        shot("phone-item");

        // the analyst is told at once and finds the matter from the notice
        use(Browser.desktop());
        as("yanpan");
        open("/notifications");
        WebElement report = browser.findElement(By.xpath("//form[contains(., '全城停水两天')]"));
        assertThat(report.getText()).contains(CANARY);
        noScriptRan();
        shot("analyst-inbox");
        Browser.click(browser, report.findElement(By.tagName("button")));
        follow("分析结果与所属候选事件");
        follow("所属候选事件");
        press("立为舆情事件");
        assertThat(text(".alert-success")).isEqualTo("已立为舆情事件");
        String event = browser.getCurrentUrl().replaceAll(".*/events/(\\d+).*", "$1");

        // 4.2 verification, 4.3 judgement: a major emergency, 3 the responsible unit
        press("开始核实");
        browser.findElement(By.id("facts")).sendKeys("经县住建局现场核查，城区主供水管网爆裂属实，正在抢修。");
        new Select(browser.findElement(By.id("conclusion"))).selectByVisibleText("属实");
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("群众反映的重大问题");
        press("保存核实");
        Browser.tap(browser, browser.findElement(By.id("cb")));
        new Select(browser.findElement(By.id("grade"))).selectByVisibleText("重大");
        Browser.tap(browser, browser.findElement(By.id("emergency")));
        browser.findElement(By.id("reasons")).sendKeys("全城停水，影响群众基本生活");
        press("保存研判");
        assertThat(text("h1")).startsWith("重大");
        clocksRead();
        assertThat(clock("STATEMENT").getText()).contains("5小时");
        assertThat(clock("PRESS_CONFERENCE").getText()).contains("24小时");
        new Select(browser.findElement(By.id("unitId"))).selectByVisibleText(HOUSING);
        browser.findElement(By.cssSelector("form[action$='override-routing'] input[name=reason]")).sendKeys("供水管网由住建局主管");
        press("人工指定");
        browser.findElement(By.id("tp")).sendKeys("管网爆裂正在抢修，预计今晚恢复供水；已设临时供水点。");
        press("保存口径");
        browser.findElement(By.name("channels")).sendKeys("潢川发布官方微博、县政府门户网站");
        browser.findElement(By.name("methods")).sendKeys("发布情况通报、召开新闻发布会");
        press("确定方案并派发任务单");
        press("开始回应");
        assertThat(text("main")).contains("第一责任主体：" + HOUSING);
        noScriptRan();
        shot("event-judged");

        // 4.4 the responsible unit takes the work order and drafts the statement
        as("zhujian.huiying");
        open("/work-orders");
        Browser.click(browser, browser.findElement(By.xpath("//div[contains(@class, 'list-group-item')][contains(., '全城停水两天')]//button[text()='签收']")));
        open("/events/" + event);
        press("一键生成权威信息发布初稿");
        String release = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).contains("全城停水两天").contains("情况通报");
        // the responder adds the county head's words, with the wrong name
        browser.findElement(By.id("text")).sendKeys("\n县长张伟表示，将尽快恢复供水。");
        press("保存");
        noScriptRan();
        shot("release-draft");

        // a major event's statement is signed off by the government office (4.4), once proofreading is dealt with
        as("zhengfuban");
        browser.get(release);
        assertThat(text("#proofreading")).contains("县长张伟").contains("名录中的县长是何明");
        press("审核通过");
        press("签发");
        assertThat(text(".alert-danger")).contains("校对发现1处问题尚未处理");
        browser.findElement(By.cssSelector("#proofreading input[name=reason]")).sendKeys("引用群众原话，已核实");
        press("说明理由放行");
        assertThat(text("#proofreading")).contains("已放行：引用群众原话，已核实");
        shot("release-proofread");
        press("签发");
        assertThat(text("main")).contains("已签发");
        as("zhujian.huiying");
        browser.get(release);
        press("确认已发布");
        open("/events/" + event);
        clocksRead();
        assertThat(clock("STATEMENT").getDomAttribute("data-status")).isEqualTo("MET");
        shot("statement-published");

        // the public sees the statement; nothing of the post runs there either
        browser.manage().deleteAllCookies();
        open("/public/responses");
        assertThat(text("main")).contains("全城停水两天");
        noScriptRan();
        shot("public-responses");

        // the 24 h press conference is not held: the administrator moves the demo clock past it
        as("guanli");
        open("/admin/clock");
        browser.findElement(By.id("hours")).sendKeys("27");
        press("前拨");
        assertThat(text(".alert-success")).startsWith("已前拨27小时");
        as("yanpan");
        open("/events/" + event);
        clocksRead();
        assertThat(clock("PRESS_CONFERENCE").getDomAttribute("data-status")).isEqualTo("MISSED");
        shot("press-conference-overdue");
        as("zhengfuban");
        open("/notifications");
        assertThat(text("main")).contains("督办：新闻发布会");
        shot("escalated-to-the-office");

        // held late: the conference's release goes through review and the leader's sign-off
        as("yanpan");
        open("/events/" + event);
        browser.executeScript("arguments[0].value = '2027-07-13T15:00'",
                browser.findElement(By.name("scheduledAt")));
        browser.findElement(By.name("place")).sendKeys("县政府新闻发布厅");
        browser.findElement(By.name("speakers")).sendKeys("何明（县长）");
        Browser.tap(browser, browser.findElement(By.id("pc-leader")));
        press("安排新闻发布会");
        browser.findElement(By.name("record")).sendKeys("县长通报抢修进展，已恢复供水八成。");
        press("登记举行情况");
        String conference = browser.getCurrentUrl();
        as("zhengfuban");
        browser.get(conference);
        press("审核通过");
        as("xianzhang");
        browser.get(conference);
        press("签发");
        as("yanpan");
        browser.get(conference);
        press("确认已发布");
        open("/events/" + event);
        clocksRead();
        assertThat(clock("PRESS_CONFERENCE").getDomAttribute("data-status")).isEqualTo("MET");
        assertThat(clock("PRESS_CONFERENCE").getText()).contains("超时");

        // 4.5 follow-up: a re-assessment keeps the grade; then 4.6 the review closes the event
        press("转入跟进");
        wait.until(d -> "done".equals(d.findElement(By.cssSelector("#follow-up .trend-chart")).getDomAttribute("data-drawn")));
        new Select(browser.findElement(By.id("fu-grade"))).selectByVisibleText("重大");
        browser.findElement(By.id("fu-consequences")).sendKeys("供水基本恢复，网民情绪平复");
        press("保存研判复核");
        assertThat(text(".alert-success")).isNotBlank();
        shot("follow-up");
        open("/events/" + event + "/review");
        for (WebElement waiver : browser.findElements(By.cssSelector("input[id^='waive-']"))) {
            waiver.sendKeys("供水已恢复，舆情平息，由政府办公室决定不再办理");
        }
        press("办结");
        assertThat(text("main")).contains("已办结");
        noScriptRan();
        shot("case-review");

        // 4.6 the month's notice: in August the assessor drafts July's and names the late unit
        as("guanli");
        open("/admin/clock");
        browser.findElement(By.id("hours")).sendKeys("480");
        press("前拨");
        as("kaohe");
        open("/assessment/notices");
        assertThat(browser.findElement(By.id("period")).getDomProperty("value")).isEqualTo("2027-07");
        press("按考核记分生成通报草稿");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).contains("2027年7月");
        assertThat(browser.findElement(By.id("criticism")).getDomProperty("value")).contains(HOUSING);
        shot("notice-draft");
        confirm("印发", "印发后通报的内容和数字不再改变");
        assertThat(text("main")).contains("印发，内容和数字不再改变");
        noScriptRan();
        assertThat(Browser.policyViolations(browser)).isEmpty();
        shot("notice-issued");
    }

    /** The clocks are fetched by htmx after the page has loaded. */
    private void clocksRead() {
        wait.until(d -> !d.findElements(By.cssSelector("#event-clocks .clock")).isEmpty());
    }

    private WebElement clock(String kind) {
        return browser.findElement(By.cssSelector("#event-clocks .clock[data-clock='" + kind + "']"));
    }

    private void noScriptRan() {
        assertThat(browser.executeScript("return window.canary === undefined")).as("the canary in " + browser.getCurrentUrl())
                .isEqualTo(true);
    }
}

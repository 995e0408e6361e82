package cn.yuqing.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.Browser;
import cn.yuqing.support.BrowserStory;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** An analyst takes a candidate through verification, judgement and routing in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class EventWorkflowBrowserTests extends BrowserStory {

    @Autowired
    cn.yuqing.opinion.EventFixtures fixtures;

    @BeforeEach
    void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.desktop();
    }

    @Test
    void anAnalystVerifiesJudgesAndRoutesAnEvent() {
        Long candidate = fixtures.candidate("<script>window.canary=1</script>伞陂镇桥梁裂缝",
                "伞陂镇大桥桥面出现裂缝，大货车照常通行，村民担心出事。");

        Browser.signIn(browser, port, "yanpan");
        browser.get("http://localhost:" + port + "/analysis/candidates/" + candidate);
        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '立为舆情事件')]")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已立为舆情事件");
        assertThat(browser.executeScript("return window.canary === undefined")).isEqualTo(true);

        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '开始核实')]")));
        browser.findElement(By.id("facts")).sendKeys("经县交通运输局现场查看，桥面裂缝属实，已设限高限重。");
        new Select(browser.findElement(By.id("conclusion"))).selectByVisibleText("属实");
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("群众反映的重大问题");
        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '保存核实')]")));

        Browser.tap(browser, browser.findElement(By.id("cb")));
        new Select(browser.findElement(By.id("grade"))).selectByVisibleText("较大");
        browser.findElement(By.id("reasons")).sendKeys("涉及群众出行安全");
        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '保存研判')]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("较大");
        // 4.4: the 48-hour clock is fetched by htmx and counts from the first item, not from the judgement
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                d -> d.findElement(By.id("event-clocks")).getText().contains("回应"));
        assertThat(browser.findElement(By.id("event-clocks")).getText()).contains("48小时").contains("剩余 2天");

        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '按系统认定确定责任主体')]")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("第一责任主体：潢川县交通运输局").contains("协办单位：伞陂镇人民政府");
        assertThat(page).contains("开始核实").contains("研判为重点回应").contains("确定责任主体");
        Browser.screenshot(browser, "desktop-event");

        // 4.7: the event's flow chart marks its path; each step links to its clause of the standard
        browser.executeScript("arguments[0].open = true", browser.findElement(By.id("flow")));
        assertThat(browser.findElements(By.cssSelector("#flow g.wf-taken"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#flow g.wf-current")).getDomAttribute("data-state")).isEqualTo("JUDGED");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.findElement(By.id("flow")));
        Browser.screenshot(browser, "event-flow-chart");
        browser.get("http://localhost:" + port + "/workflow");
        Browser.screenshot(browser, "flow-chart");
        browser.get("http://localhost:" + port + browser.findElement(By.cssSelector("g[data-step='VERIFIED-JUDGE_KEY-JUDGED'] a"))
                .getDomAttribute("href"));
        assertThat(browser.getCurrentUrl()).endsWith("/standard#c4-3");
        assertThat(browser.findElement(By.id("c4-3")).getText()).contains("舆情判断");
    }

    @Autowired
    cn.yuqing.response.Releases releases;
    @Autowired
    cn.yuqing.opinion.OpinionManagement opinions;
    @Autowired
    cn.yuqing.organisation.Accounts accounts;
    @Autowired
    cn.yuqing.organisation.OrganisationDirectory directory;

    /** 4.4 回应关切: a visitor who is not signed in sees what was published, and nothing else runs or shows. */
    @Test
    void thePublicSeesOnlyPublishedReleasesAndNoInjectedScriptRuns() {
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        var e = fixtures.verifiedEvent("<img src=x onerror=window.canary=1>河堤渗水", "城区河堤出现渗水，附近居民担心决堤。",
                cn.yuqing.opinion.MatterKind.CONFUSION);
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, java.util.Set.of("b"), "ORDINARY", false, "关注度高");
        var r = releases.firstDraft(e.id(), scope, analyst, cn.yuqing.response.ReleaseKind.PORTAL_NOTICE);
        var office = accounts.loadUserByUsername("zhengfuban");
        var officeScope = directory.scopeOf(directory.person("zhengfuban").orElseThrow());
        r = releases.review(r.id(), r.version(), officeScope, office, "同意");
        r = releases.signOff(r.id(), r.version(), officeScope, office);
        releases.publish(r.id(), r.version(), scope, analyst);
        releases.draft(e.id(), scope, analyst, cn.yuqing.response.ReleaseKind.PRESS_RELEASE, "尚未审核的草稿庚辛", "内部",
                "县政府网站", null, false);

        browser.get("http://localhost:" + port + "/public/responses");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("回应关切").contains("<img src=x onerror=window.canary=1>河堤渗水的说明")
                .doesNotContain("尚未审核的草稿庚辛");
        assertThat(browser.executeScript("return window.canary === undefined")).isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/public/responses");
        Browser.screenshot(browser, "public-responses");
    }
    /** 4.5 and 4.6: the trend chart draws under the strict CSP; a re-assessment re-grades; the review offers closing. */
    @Test
    void theFollowUpChartDrawsAndTheReviewOffersTheClosing() {
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        var e = fixtures.verifiedEvent("城东幼儿园校车超载", "城东幼儿园校车超载，一辆车坐了二十多个孩子。");
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, java.util.Set.of("b"), "ORDINARY", false, "涉及儿童安全");
        fixtures.addItem(e.candidateId(), "<script>window.canary=1</script>城东幼儿园校车又超载了");
        var r = releases.firstDraft(e.id(), scope, analyst, cn.yuqing.response.ReleaseKind.OFFICIAL_ACCOUNT);
        var office = accounts.loadUserByUsername("zhengfuban");
        var officeScope = directory.scopeOf(directory.person("zhengfuban").orElseThrow());
        r = releases.review(r.id(), r.version(), officeScope, office, "同意");
        r = releases.signOff(r.id(), r.version(), officeScope, office);
        releases.publish(r.id(), r.version(), scope, analyst);

        Browser.signIn(browser, port, "yanpan");
        browser.get("http://localhost:" + port + "/events/" + e.id());
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15));
        wait.until(d -> "done".equals(d.findElement(By.cssSelector("#follow-up .trend-chart")).getDomAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector("#follow-up .trend-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#follow-up .trend-chart")).getDomAttribute("data-releases")).isEqualTo("1");
        new Select(browser.findElement(By.id("fu-grade"))).selectByVisibleText("较大");
        browser.findElement(By.id("fu-consequences")).sendKeys("家长担忧扩散，可能到教育局反映");
        Browser.click(browser, browser.findElement(By.xpath("//button[contains(., '保存研判复核')]")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("等级已调整");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("较大");
        wait.until(d -> "done".equals(d.findElement(By.cssSelector("#follow-up .trend-chart")).getDomAttribute("data-drawn")));
        Browser.screenshot(browser, "follow-up");

        browser.get("http://localhost:" + port + "/events/" + e.id() + "/review");
        wait.until(d -> "done".equals(d.findElement(By.cssSelector(".trend-chart")).getDomAttribute("data-drawn")));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("跟进研判").contains("政务微博、微信发布");
        assertThat(browser.findElement(By.id("effect")).getText()).startsWith("首次发布后");
        assertThat(browser.executeScript("return window.canary === undefined")).isEqualTo(true);
        assertThat(Browser.policyViolations(browser)).isEmpty();
        Browser.screenshot(browser, "case-review");
        browser.executeScript("document.body.setAttribute('style', 'color: red')");
        assertThat(Browser.policyViolations(browser)).as("the probe sees what the policy refuses").isNotEmpty();
    }
    /** 舆情态势: the dashboard and the duty room's big screen draw their charts under the CSP. */
    @Test
    void theDashboardDrawsOnTheBigScreen() {
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        var e = fixtures.verifiedEvent("<img src=x onerror=window.canary=1>踅孜镇自来水浑浊", "踅孜镇自来水浑浊发黄，居民不敢饮用。");
        opinions.judge(e.id(), e.version(), scope, analyst, true, java.util.Set.of("b"), "MAJOR", true, "饮水安全");

        Browser.signIn(browser, port, "yanpan");
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(d -> "done".equals(d.findElement(By.id("main")).getDomAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector(".dashboard-chart canvas"))).as("trend, areas, on-time ranking, response index")
                .hasSize(4);
        assertThat(browser.findElement(By.id("indices-title")).getText()).endsWith("单位回应指数（均值）");
        assertThat(browser.findElement(By.id("due-rows")).getText()).contains("<img src=x onerror=window.canary=1>踅孜镇自来水浑浊");
        Browser.screenshot(browser, "dashboard");
        browser.get("http://localhost:" + port + "/dashboard?screen=true");
        wait.until(d -> "done".equals(d.findElement(By.id("main")).getDomAttribute("data-drawn")));
        assertThat(browser.findElements(By.tagName("nav"))).as("no navigation on the big screen").isEmpty();
        assertThat(browser.executeScript("return window.canary === undefined")).isEqualTo(true);
        assertThat(Browser.policyViolations(browser)).isEmpty();
        Browser.screenshot(browser, "dashboard-screen");
    }
}

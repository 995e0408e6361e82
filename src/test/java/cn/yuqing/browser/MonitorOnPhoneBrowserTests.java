package cn.yuqing.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.Browser;
import cn.yuqing.support.BrowserStory;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Intake", done when: a monitor can, on a phone-sized browser window, record a service-hall
 * visit and a "nothing found" patrol, and see today's patrol board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class MonitorOnPhoneBrowserTests extends BrowserStory {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.phone();
    }

    private void signIn(String username) {
        Browser.signIn(browser, port, username);
    }

    private void click(WebElement button) {
        Browser.click(browser, button);
    }

    private void assertFitsThePhone() {
        assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
    }

    @Test
    void aMonitorRecordsAServiceHallVisitAndANothingFoundPatrolAndSeesTheBoard() {
        signIn("jiankong.xuezi");
        open("/intake/patrols");
        WebElement card = browser.findElement(By.xpath("//section[.//h2[text()='踅孜镇便民服务中心']]"));
        assertThat(card.getText()).contains("已巡查 0 / 1");
        assertFitsThePhone();
        Browser.screenshot(browser, "phone-patrol-board");

        click(card.findElement(By.xpath(".//button[@value='nothing']")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已记录巡查：未发现问题");
        card = browser.findElement(By.xpath("//section[.//h2[text()='踅孜镇便民服务中心']]"));
        assertThat(card.getText()).contains("已巡查 1 / 1").contains("未发现问题");

        open("/intake/capture");
        new Select(browser.findElement(By.id("channelId"))).selectByVisibleText("踅孜镇便民服务中心");
        browser.findElement(By.id("text")).sendKeys("来访群众反映：村道路灯损坏，夜间出行不便。<script>window.canary=1</script>");
        browser.findElement(By.id("author")).sendKeys("陈大爷");
        assertFitsThePhone();
        Browser.screenshot(browser, "phone-capture");
        click(browser.findElement(By.cssSelector("form[action$='/intake/capture'] button[type=submit]")));

        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已录入");
        assertThat(browser.findElement(By.cssSelector(".item-text")).getText()).contains("<script>window.canary=1</script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.canary === undefined")).isEqualTo(true);
        assertFitsThePhone();
        Browser.screenshot(browser, "phone-item");
        assertThat(jdbc.queryForObject("select count(*) from opinion_item where author = '陈大爷'", Long.class)).isEqualTo(1);
    }
}

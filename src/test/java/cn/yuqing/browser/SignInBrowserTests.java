package cn.yuqing.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.Browser;
import cn.yuqing.support.BrowserStory;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in and the shell in a real browser, on a phone and on a desktop. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
class SignInBrowserTests extends BrowserStory {

    private void signIn(String username) {
        Browser.signIn(browser, port, username);
    }

    @Test
    void aMonitorSignsInOnAPhoneAndFindsTheStagesOfTheStandard() {
        browser = Browser.phone();
        browser.get("http://localhost:" + port + "/login");
        assertThat(browser.getTitle()).contains("登录").contains("舆情回应平台");
        Browser.screenshot(browser, "phone-sign-in");
        signIn("jiankong");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("您好");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("监测收集").contains("核实研判")
                .contains("回应处置").contains("考核");
        // on a phone the navigation folds behind the toggler
        assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
        assertThat(Browser.pageWidth(browser)).isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "phone-home");
    }

    @Test
    void anAdministratorFindsADepartmentByItsShortNameAndSeesItsCompetence() {
        browser = Browser.desktop();
        signIn("guanli");
        browser.get("http://localhost:" + port + "/organisation/units");
        browser.findElement(By.name("q")).sendKeys("住建局");
        org.openqa.selenium.WebElement search = browser.findElement(By.cssSelector("form[role=search] button"));
        search.click();
        // the unfiltered list has the same link: take it from the page of results, not from the page being left
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> Browser.gone(search));
        browser.findElement(By.linkText("潢川县住房和城乡建设局")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("潢川县住房和城乡建设局");
        assertThat(browser.findElement(By.cssSelector("input[value=HOUSING]")).isSelected()).isTrue();
        Browser.screenshot(browser, "desktop-unit");
    }

    @Test
    void aWrongPasswordIsExplainedInChinese() {
        browser = Browser.phone();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("yanpan");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).isEqualTo("用户名或密码错误。");
    }
}

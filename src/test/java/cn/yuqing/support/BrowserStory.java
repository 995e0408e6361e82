package cn.yuqing.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a story told in a real browser does at each step, as the person would: sign in, open a page,
 * press the button of these words, follow a link, read a part of the page, take a screenshot. The
 * stories extend it; each has a context of its own, as they move the clock.
 */
public abstract class BrowserStory {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private int shot;

    /** The screenshots' file prefix under target/screenshots. */
    protected String screenshotPrefix() {
        return getClass().getSimpleName();
    }

    @BeforeEach
    void startBrowser() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected void use(ChromeDriver driver) {
        if (browser != null && browser != driver) {
            browser.quit();
        }
        browser = driver;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    protected void as(String username) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, username);
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Presses the button of exactly these words, else the first whose words begin so, as the person would. */
    protected void press(String words) {
        var exact = browser.findElements(By.xpath("//button[normalize-space(.)='" + words + "']"));
        Browser.click(browser, exact.isEmpty()
                ? browser.findElement(By.xpath("//button[starts-with(normalize-space(.), '" + words + "')]")) : exact.get(0));
    }

    /** Presses a button the page asks to confirm, reads the question and says yes. */
    protected void confirm(String words, String question) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space(.)='" + words + "']"));
        Browser.tap(browser, button);
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains(question);
        alert.accept();
        wait.until(d -> Browser.gone(button));
    }

    protected void follow(String link) {
        browser.findElement(By.linkText(link)).click();
    }

    protected String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    protected void shot(String name) {
        Browser.screenshot(browser, "%s-%02d-%s".formatted(screenshotPrefix(), ++shot, name));
    }
}

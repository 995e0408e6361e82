package cn.yuqing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.yuqing.assessment.Notices;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.Browser;
import cn.yuqing.support.TestClockConfiguration;

/**
 * The pictures in docs/screenshots: the home page, the deadline board, an event, the audit log and
 * a notice, on a phone and a desktop, with the demo's events loaded. Not part of the suite (it
 * writes into docs/); run it after a change to those pages:
 * {@code ./mvnw -B test -Dtest=DocsScreenshotsBrowserTests -Dtest.excludedGroups=none}.
 */
@Tag("docs")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "yuqing.demo.events=true")
class DocsScreenshotsBrowserTests {

    static final Path DOCS = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    Notices notices;
    @Autowired
    Accounts accounts;
    @Autowired
    cn.yuqing.organisation.OrganisationDirectory directory;

    @Test
    void picturesOfTheFixedPages() throws Exception {
        Browser.assumeInstalled();
        ChromeDriver probe = Browser.desktop();
        try {
            Browser.signIn(probe, port, "xuezi.huiying");
            new org.openqa.selenium.support.ui.WebDriverWait(probe, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2))
                    .until(d -> {
                        d.get("http://localhost:" + port + "/work-orders");
                        return d.findElement(By.tagName("main")).getText().contains("接收");
                    });
        } finally {
            probe.quit();
        }
        var kaohe = accounts.loadUserByUsername("kaohe");
        var notice = notices.draft(java.time.YearMonth.now(java.time.Clock.systemDefaultZone()).toString(),
                directory.scopeOf(directory.person("kaohe").orElseThrow()), kaohe);
        Files.createDirectories(DOCS);
        for (boolean phone : List.of(false, true)) {
            ChromeDriver browser = phone ? Browser.phone() : Browser.desktop();
            String size = phone ? "phone" : "desktop";
            try {
                Browser.signIn(browser, port, "yanpan");
                shoot(browser, "/", "home-" + size);
                shoot(browser, "/deadlines", "deadlines-" + size);
                browser.get("http://localhost:" + port + "/events");
                String event = browser.findElements(By.cssSelector("main a[href^='/events/']")).stream()
                        .filter(a -> a.getText().contains("桥")).findFirst().orElseThrow().getDomAttribute("href");
                shoot(browser, event, "event-" + size);
                browser.manage().deleteAllCookies();
                Browser.signIn(browser, port, "kaohe");
                shoot(browser, "/audit", "audit-" + size);
                shoot(browser, "/assessment/notices/" + notice.id(), "notice-" + size);
            } finally {
                browser.quit();
            }
        }
        assertThat(Files.list(DOCS).filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(10);
    }

    private void shoot(ChromeDriver browser, String path, String name) throws Exception {
        browser.get("http://localhost:" + port + path);
        // the htmx fragments have replaced their skeletons
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.findElement(By.tagName("main")).getText().isBlank()
                        && d.findElements(By.cssSelector(".placeholder-glow")).isEmpty());
        Files.copy(Browser.screenshot(browser, name), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

package cn.yuqing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, with the flags this closed network needs. Tests that use it
 * call {@link #assumeInstalled()} first: on a machine without the packages they are skipped, loudly.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""
                    ###################################################################
                    #  BROWSER TESTS SKIPPED: Chromium is not installed.              #
                    #  Install the Debian packages chromium and chromium-driver       #
                    #  (apt-get install -y chromium chromium-driver); .ci/run does.   #
                    ###################################################################""");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present,
                "浏览器测试已跳过：未安装 Debian 软件包 chromium 和 chromium-driver");
    }

    public static ChromeDriver desktop() {
        return start(false);
    }

    /** A phone-sized window (390×844), as a monitor on patrol holds it. */
    public static ChromeDriver phone() {
        return start(true);
    }

    private static ChromeDriver start(boolean phone) {
        try {
            Path profile = Files.createTempDirectory("yuqing-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost", "--window-size=1366,900");
            if (phone) {
                options.setExperimentalOption("mobileEmulation",
                        Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0)));
            }
            options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the page wrote to the console that the Content Security Policy refused, e.g. a blocked inline style. */
    public static List<String> policyViolations(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Signs in with a demo account's password. */
    public static void signIn(ChromeDriver driver, int port, String username) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(DemoPassword.VALUE);
        driver.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Scrolls the element to the middle of the window at once: Bootstrap makes scrolling smooth, and
     * a click sent while the page still glides lands beside the element.
     */
    public static void scrollTo(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    /**
     * Ticks a box or presses a button below the fold, as a thumb would after scrolling to it. Panels
     * that htmx fills after the page has loaded may still push the control away; then again.
     */
    public static void tap(ChromeDriver driver, org.openqa.selenium.WebElement control) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
                    scrollTo(driver, control);
                    control.click();
                    return true;
                });
    }

    /** Presses a submit button and waits until the next page has replaced this one. */
    public static void click(ChromeDriver driver, org.openqa.selenium.WebElement button) {
        tap(driver, button);
        // read nothing from the old page
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(button));
    }

    /**
     * Whether the element's page has been replaced. Asked while the next page is being put in place,
     * chromedriver may answer "Node with given id does not belong to the document" instead of
     * a stale element: that too means the old page is gone (Selenium's stalenessOf took it for an
     * error, and a story failed now and then on a busy machine).
     */
    public static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The page's width in CSS pixels: wider than the phone means sideways scrolling. */
    public static long pageWidth(ChromeDriver driver) {
        return (Long) driver.executeScript("return document.documentElement.scrollWidth");
    }

    /** Saves a screenshot under target/screenshots, kept as a build artifact. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.yuqing.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

/**
 * Issue 23: every page a role's menu reaches, and the record pages those pages link to, rendered
 * as that role — with the demo's events, releases, notices and follow-ups loaded as a newcomer sees them — read as a person reads them — no codes, no "null", no placeholders, no raw JSON,
 * no English sentences, no empty page without a sentence saying so. Fails with every finding listed.
 */
@WebTest
@org.springframework.test.context.TestPropertySource(properties = "yuqing.demo.events=true")
class PlainChineseCrawlTests {

    /** One account per role of the demo, and a township's leader. */
    static final List<String> ACCOUNTS = List.of("jiankong", "yanpan", "zhujian.huiying", "zhujian.fuzeren", "zhengfuban",
            "xuanchuan", "xianzhang", "kaohe", "guanli", "anquan", "shenji", "xuezi.zhenzhang", "shi.zhengfuban");
    static final int PAGES_PER_ACCOUNT = 400;

    /** Words in capitals that a county's staff read as words. */
    static final Set<String> ALLOWED_CAPITALS = Set.of("API", "PDF", "HTTP", "HTTPS", "URL", "CSV", "RSS", "SMTP", "IMAP",
            "POP3", "KTV", "APP", "ID", "IP", "QQ", "SMS", "HTML", "UTF", "JPG", "JPEG", "PNG", "GIF", "DOCX", "XLSX", "ZIP",
            "GB/T", "SHA", "CPU", "HTTP Basic", "OFL");
    static final Pattern CAPITALS = Pattern.compile("(?<![A-Za-z0-9_.:/-])[A-Z][A-Z_]{3,}(?![A-Za-z0-9_])");
    static final Pattern NULLS = Pattern.compile("(?<![A-Za-z])(null|undefined|NaN)(?![A-Za-z])");
    static final Pattern PLACEHOLDERS = Pattern.compile("尚未开通|TODO|FIXME|加载中…");
    static final Pattern JSON = Pattern.compile("\\{\\s*\"[A-Za-z]+\"\\s*:");
    static final Pattern ENGLISH = Pattern.compile("(?<![A-Za-z./@-])[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){3,}");
    static final Pattern LINK = Pattern.compile("(?:href|hx-get)=\"(/[^\"#]*)\"");
    static final Pattern SKIP = Pattern.compile("^/(logout|api/|actuator|webjars|css|js|fonts|h2|favicon)|\\.(docx|xlsx|csv|zip|png|svg|ico)(\\?|$)"
            + "|/download|/export|/attachments/|/files/|/report\\.|[?&]format=|/feed");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    /** Issue 23: the demo gives each demo responder something to do — an order of their unit waiting to be received. */
    private void awaitDemoEvents() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String responder : List.of("zhujian.huiying", "xuezi.huiying", "sanpi.huiying")) {
                        String page = mvc.perform(get("/work-orders").with(As.person(accounts, responder))).andReturn()
                                .getResponse().getContentAsString();
                        assertThat(page).as(responder + " has an order to sign for").contains("签收");
                    }
                });
    }

    @Test
    void everyPageEveryRoleReachesSpeaksPlainChinese() throws Exception {
        awaitDemoEvents();
        List<String> findings = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int pages = 0;
        for (String account : ACCOUNTS) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            int fetched = 0;
            while (!queue.isEmpty() && fetched < PAGES_PER_ACCOUNT) {
                String path = queue.poll();
                if (!seen.add(path)) {
                    continue;
                }
                MockHttpServletResponse response = mvc.perform(get(path).with(As.person(accounts, account))).andReturn().getResponse();
                String type = response.getContentType();
                if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                    continue;
                }
                fetched++;
                kinds.add(path.replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", "?…"));
                String html = response.getContentAsString();
                findings.addAll(read(account, path, html));
                Matcher links = LINK.matcher(html);
                while (links.find()) {
                    String link = links.group(1).replace("&amp;", "&");
                    if (!SKIP.matcher(link).find() && !seen.contains(link) && queue.size() < 2_000) {
                        queue.add(link);
                    }
                }
            }
            pages += fetched;
        }
        System.out.println("crawl: " + pages + " pages of " + kinds.size() + " kinds, " + findings.size() + " findings");
        kinds.forEach(k -> System.out.println("  page " + k));
        findings.forEach(f -> System.out.println("  " + f));
        assertThat(pages).isGreaterThan(ACCOUNTS.size() * 10);
        assertThat(findings).isEmpty();
    }

    /** The text a person sees: scripts, styles, drawings and tags gone, entities read. */
    static String visibleText(String html) {
        // code and pre hold what is meant for machines and their people (a CSV header, a raw audit record)
        String s = html.replaceAll("(?is)<(script|style|svg|template|noscript|code|pre|kbd)\\b.*?</\\1>", " ")
                .replaceAll("(?is)<!--.*?-->", " ")
                .replaceAll("(?is)<(input|textarea|select)\\b[^>]*type=\"hidden\"[^>]*>", " ")
                .replaceAll("(?is)<option\\b[^>]*>", " ")
                .replaceAll("(?s)<[^>]+>", " ");
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    static final Pattern MAIN = Pattern.compile("(?is)<main\\b[^>]*>(.*)</main>");
    static final Pattern HEADING = Pattern.compile("(?is)<h1\\b.*?</h1>");

    static List<String> read(String account, String path, String html) {
        String text = visibleText(html);
        List<String> found = new ArrayList<>();
        Matcher main = MAIN.matcher(html);
        if (main.find() && visibleText(HEADING.matcher(main.group(1)).replaceAll(" ")).length() < 4) {
            found.add(account + " " + path + " empty: the page says nothing beyond its title");
        }
        Set<String> codes = new TreeSet<>();
        Matcher m = CAPITALS.matcher(text);
        while (m.find()) {
            if (!ALLOWED_CAPITALS.contains(m.group())) {
                codes.add(m.group());
            }
        }
        codes.forEach(c -> found.add(account + " " + path + " code: " + c + " … " + around(text, c)));
        for (Pattern p : List.of(NULLS, PLACEHOLDERS, JSON, ENGLISH)) {
            Matcher f = p.matcher(text);
            Set<String> once = new TreeSet<>();
            while (f.find()) {
                once.add(f.group());
            }
            once.forEach(g -> found.add(account + " " + path + " text: \"" + g + "\" … " + around(text, g)));
        }
        return found;
    }

    private static String around(String text, String what) {
        int i = text.indexOf(what);
        return text.substring(Math.max(0, i - 30), Math.min(text.length(), i + what.length() + 30));
    }
}

package cn.yuqing.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

import cn.yuqing.intake.Sources;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.DemoPassword;
import cn.yuqing.support.TestClockConfiguration;
import cn.yuqing.support.Visitor;
import cn.yuqing.support.Visitor.Upload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Hardening", part 2, the files: every upload of ours (a monitor's capture, a release's
 * attachment, a sheet import) is sent zip bombs, files over the limits, disguised and polyglot
 * files, script and path traversal in file names, and broken multipart bodies, through a real
 * server (Tomcat parses and limits the uploads, not the test). No answer may be a 5xx or a stack
 * trace; a refusal says why in Chinese and leaves no record behind; nothing is written outside the
 * attachment store, and what is served back cannot be taken by a browser for a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yuqing.data-dir=target/hostile-uploads")
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileUploadTests {

    static final Path DATA = Path.of("target", "hostile-uploads");
    static final String CANARY = "<script>alert('xss-canary')</script>";
    static final List<String> RECORDS = List.of("opinion_item", "item_attachment", "release_attachment", "import_job");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Sources sources;
    @Autowired
    cn.yuqing.opinion.EventFixtures fixtures;
    @Autowired
    cn.yuqing.response.Releases releases;
    @Autowired
    cn.yuqing.organisation.Accounts accounts;
    @Autowired
    cn.yuqing.organisation.OrganisationDirectory directory;

    final Visitor.Server server = path -> URI.create("http://localhost:" + port + path);
    final List<String> failures = new ArrayList<>();

    /** One upload form: who may use it, where it lives, what else it needs. */
    record Form(String who, String page, String path, String field, Map<String, String> fields) {
    }

    List<Form> forms;

    @BeforeEach
    void forms() {
        Long channel = jdbc.queryForObject("select id from channel where name = '12345政务服务便民热线'", Long.class);
        Long source = sources.createImport(channel, DataScope.installation(), "12345导出" + System.nanoTime()).id();
        var analyst = accounts.loadUserByUsername("yanpan");
        var scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        var event = fixtures.judgedEvent("城区积水", cn.yuqing.opinion.MatterKind.MAJOR_PROBLEM, "ORDINARY", false);
        Long release = releases.firstDraft(event.id(), scope, analyst, cn.yuqing.response.ReleaseKind.AUTHORITATIVE_STATEMENT).id();
        forms = List.of(
                new Form("jiankong", "/intake/capture", "/intake/capture", "files",
                        Map.of("channelId", channel.toString(), "text", "来电反映：小区停水三天。")),
                new Form("yanpan", "/releases/" + release, "/releases/" + release + "/attachments", "file", Map.of()),
                new Form("jiankong", "/intake/imports/new", "/intake/imports", "file", Map.of("sourceId", source.toString())));
    }

    @Test
    void noHostileFileGetsA5xxHalfStoresOrLandsOutsideTheStore() throws Exception {
        byte[] png = png();
        List<Upload> files = List.of(
                new Upload("", "报表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxBomb()),
                new Upload("", "现场照片.png", "image/png", zipBomb()),
                new Upload("", "../../../../../../tmp/yuqing-traversal.png", "image/png", png),
                new Upload("", "..\\..\\..\\..\\windows\\yuqing-traversal.png", "image/png", png),
                new Upload("", CANARY + ".png", "image/png", png),
                new Upload("", "a.png\r\nContent-Type: text/html\r\n\r\n" + CANARY, "image/png", png),
                new Upload("", "舆".repeat(1_000) + ".png", "image/png", png),
                new Upload("", new String("潢川照片.png".getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1), "image/png", png),
                new Upload("", "照片.png", "image/png", ("<html><body>" + CANARY + "</body></html>").getBytes(StandardCharsets.UTF_8)),
                new Upload("", "图.svg", "image/svg+xml",
                        "<svg xmlns='http://www.w3.org/2000/svg' onload=\"alert('xss-canary')\"/>".getBytes(StandardCharsets.UTF_8)),
                new Upload("", "polyglot.png", "image/png", concat(png, CANARY.getBytes(StandardCharsets.UTF_8))),
                new Upload("", "gifar.gif", "text/html", ("GIF89a" + CANARY).getBytes(StandardCharsets.UTF_8)),
                new Upload("", "超过10MB.png", "image/png", concat(png, new byte[11 * 1024 * 1024])),
                new Upload("", "超过20MB.pdf", "application/pdf", concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), new byte[21 * 1024 * 1024])),
                new Upload("", "空.png", "image/png", new byte[0]),
                new Upload("", "公式.csv", "text/csv", ("标题,正文\n=HYPERLINK(\"http://evil.example\"),+cmd|' /C calc'!A0\n" + CANARY
                        + ",@SUM(1+1)\n").getBytes(StandardCharsets.UTF_8)),
                new Upload("", "GBK.csv", "text/csv", "标题,正文\n潢川,停水\n".getBytes(Charset.forName("GBK"))));
        int sent = 0;
        for (Form form : forms) {
            Visitor visitor = new Visitor().signIn(server, form.who(), DemoPassword.VALUE);
            for (Upload f : files) {
                Map<String, String> fields = new java.util.HashMap<>(form.fields());
                fields.put("formToken", UUID.randomUUID().toString());
                Map<String, Long> before = counts();
                HttpResponse<String> r = visitor.upload(server, form.page(), form.path(), fields,
                        List.of(new Upload(form.field(), f.fileName(), f.contentType(), f.content())));
                sent++;
                check(form.path() + " ← " + shortName(f), visitor, r, before);
            }
            sent += brokenBodies(visitor, form);
        }
        System.out.printf("hostile uploads sent: %d to %d forms%n", sent, forms.size());
        assertThat(failures).as("answers to hostile files").isEmpty();

        assertThat(Path.of("/tmp/yuqing-traversal.png")).doesNotExist();
        try (Stream<Path> stored = Files.walk(DATA.resolve("attachments"))) {
            assertThat(stored.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("the store holds files named by their hash only").isNotEmpty().allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        servedBackAsFilesNotPages();
    }

    /** A multipart body cut short, one without its boundary, and a form that claims a file and sends text. */
    private int brokenBodies(Visitor visitor, Form form) {
        String token = visitor.formToken(server, form.page());
        String boundary = "----yuqingbroken";
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(server.url(form.path() + "?_csrf=" + token))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                                + form.field() + "\"; filename=\"a.png\"\r\n\r\n\u0089PNG")).build(),
                HttpRequest.newBuilder(server.url(form.path() + "?_csrf=" + token)).header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("no boundary")).build(),
                HttpRequest.newBuilder(server.url(form.path() + "?_csrf=" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.field() + "=" + CANARY)).build());
        for (HttpRequest request : requests) {
            Map<String, Long> before = counts();
            check(form.path() + " ← " + request.headers().firstValue("Content-Type").orElse(""), visitor, visitor.send(request), before);
        }
        return requests.size();
    }

    /**
     * A form answers a refusal either on the spot (4xx and the form again) or, after an action, by
     * sending the browser on to the record with the reason shown there: both count as refusals.
     */
    private void check(String what, Visitor visitor, HttpResponse<String> r, Map<String, Long> before) {
        int status = r.statusCode();
        String body = r.body();
        if (status == 302) {
            String next = visitor.send(HttpRequest.newBuilder(server.url(URI.create(r.headers().firstValue("Location").orElseThrow())
                    .getRawPath())).GET().build()).body();
            java.util.regex.Matcher error = java.util.regex.Pattern.compile("class=\"alert alert-danger\"[^>]*>([^<]*)<").matcher(next);
            if (!error.find()) {
                return; // taken
            }
            status = 422;
            body = error.group(1);
        }
        if (status >= 500 || body.contains("Exception") || body.contains("at cn.yuqing")) {
            failures.add(what + " → " + status + " " + body.substring(0, Math.min(200, body.length())));
        } else if (status >= 400) {
            if (!body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                failures.add(what + " → " + status + " without a word of Chinese: " + body.substring(0, Math.min(300, body.length())));
            }
            if (!counts().equals(before)) {
                failures.add(what + " → refused but left records: " + before + " → " + counts());
            }
        } else {
            failures.add(what + " → " + status + ", neither taken nor refused");
        }
    }

    /** Everything taken is served with the type its bytes show, marked not to be sniffed, its name in a header of one line. */
    private void servedBackAsFilesNotPages() {
        Visitor admin = new Visitor().signIn(server, "guanli", DemoPassword.VALUE);
        List<String> paths = new ArrayList<>();
        jdbc.queryForList("select id from item_attachment", Long.class).forEach(id -> paths.add("/intake/attachments/" + id));
        jdbc.queryForList("select id from release_attachment", Long.class).forEach(id -> paths.add("/release-attachments/" + id));
        assertThat(paths).hasSizeGreaterThanOrEqualTo(10);
        for (String path : paths) {
            HttpResponse<String> r = admin.get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(path).matches("image/(png|gif)");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(path)
                    .doesNotContain("\r").doesNotContain("\n").doesNotContain("../").doesNotContain("..\\");
        }
        // the names are shown as text where the files are listed
        for (Form form : forms.subList(0, 2)) {
            String page = admin.get(server, form.page().equals("/intake/capture")
                    ? "/intake/items/" + jdbc.queryForObject("select max(item_id) from item_attachment", Long.class) : form.page()).body();
            assertThat(page).doesNotContain(CANARY);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        RECORDS.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }

    private static String shortName(Upload f) {
        String name = f.fileName().replace("\r", "\\r").replace("\n", "\\n");
        return (name.length() > 40 ? name.substring(0, 40) + "…" : name) + " (" + f.content().length + " B)";
    }

    static byte[] png() throws IOException {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** 200 MB of zeros in a zip of some 200 KB. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A real workbook whose sheet is padded with 200 MB of spaces: opened naively, it fills the heap. */
    static byte[] xlsxBomb() throws IOException {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        try (XSSFWorkbook w = new XSSFWorkbook()) {
            var row = w.createSheet("来电").createRow(0);
            row.createCell(0).setCellValue("标题");
            row.createCell(1).setCellValue("正文");
            w.write(workbook);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @org.junit.jupiter.api.BeforeAll
    static void emptyTheStore() {
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }
}

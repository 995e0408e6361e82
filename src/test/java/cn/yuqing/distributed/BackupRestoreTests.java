package cn.yuqing.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.support.Visitor;

/**
 * A county's whole record, backed up while the system runs and restored into a fresh instance by
 * the documented procedure ({@code scripts/restore-backup}, then one start with
 * {@code --yuqing.search.rebuild=true}): every item is there and found by search, the attachment
 * is served byte for byte, and the audit chain still verifies.
 */
@Tag("distributed")
class BackupRestoreTests {

    private static final String PASSWORD = "Restore-Demo-2026";
    private static final Pattern TOKEN = Pattern.compile("name=\"(_csrf|formToken)\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CHANNEL = Pattern.compile("<option value=\"(\\d+)\"");
    private static final Pattern ATTACHMENT = Pattern.compile("/intake/attachments/(\\d+)");

    @Test
    void aBackupMadeWhileRunningRestoresIntoAFreshInstanceWithEverythingIntact() throws Exception {
        Path dir = Path.of("target/restore");
        FileSystemUtils.deleteRecursively(dir);
        byte[] screenshot = new byte[40_000];
        new java.util.Random(7).nextBytes(screenshot);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, screenshot, 0, 8);

        ApplicationNode before = new ApplicationNode("before", 18781, dir, "demo", "--yuqing.demo.password=" + PASSWORD);
        Path backup;
        Properties manifest = new Properties();
        try {
            before.start().awaitReady(Duration.ofMinutes(3));
            String key = before.demoApiKey();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = Visitor.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(before.url("/api/intake/items"))
                        .header("X-Api-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"restore-" + i + "\",\"text\":\"恢复演练第" + i + "条：某村自来水浑浊\"}"))
                        .build());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            Visitor monitor = new Visitor().signIn(before, "jiankong", PASSWORD);
            HttpResponse<String> captured = capture(monitor, before, screenshot);
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(302);

            Visitor admin = new Visitor().signIn(before, "guanli", PASSWORD);
            assertThat(admin.post(before, "/admin/backups", "/admin/backups", Map.of()).statusCode()).isEqualTo(302);
            assertThat(admin.get(before, "/admin/backups").body()).contains("备份完成").containsPattern("yuqing-\\d{8}-\\d{6}\\.zip");
        } finally {
            before.close();
        }
        try (Stream<Path> files = Files.list(dir.resolve("node-before/backups"))) {
            backup = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            manifest.load(zip.getInputStream(zip.getEntry("manifest.properties")));
            assertThat(zip.getEntry("database.zip")).isNotNull();
        }
        assertThat(Long.parseLong(manifest.getProperty("attachments"))).isEqualTo(1);

        Process restore = new ProcessBuilder("bash", "scripts/restore-backup", backup.toString(),
                dir.resolve("node-after").toString()).redirectErrorStream(true).start();
        String restoreOutput = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restore.waitFor()).as(restoreOutput).isZero();

        ApplicationNode after = new ApplicationNode("after", 18782, dir, "default", "--yuqing.search.rebuild=true");
        try {
            after.start().awaitReady(Duration.ofMinutes(3));
            HttpResponse<String> chain = Visitor.api(after.url("/api/audit/verify"), "kaohe", PASSWORD, null, null);
            assertThat(chain.statusCode()).isEqualTo(200);
            var verification = JsonMapper.builder().build().readTree(chain.body());
            assertThat(verification.get("intact").asBoolean()).as(chain.body()).isTrue();
            // every entry backed up is in the chain that verifies (signing in to ask adds one of its own)
            assertThat(verification.get("checked").asLong()).isGreaterThanOrEqualTo(Long.parseLong(manifest.getProperty("audit-entries")));

            Visitor monitor = new Visitor().signIn(after, "jiankong", PASSWORD);
            assertThat(monitor.get(after, "/intake/items?q=" + java.net.URLEncoder.encode("恢复演练", StandardCharsets.UTF_8)).body())
                    .contains("共 20 条");
            String withAttachment = monitor.get(after, "/intake/items?q=" + java.net.URLEncoder.encode("截图留存", StandardCharsets.UTF_8)).body();
            Matcher itemLink = Pattern.compile("/intake/items/(\\d+)").matcher(withAttachment);
            assertThat(itemLink.find()).as("the captured item found after the restore").isTrue();
            Matcher attachment = ATTACHMENT.matcher(monitor.get(after, "/intake/items/" + itemLink.group(1)).body());
            assertThat(attachment.find()).isTrue();
            HttpResponse<byte[]> file = HttpClient.newBuilder().cookieHandler(monitor.cookies()).build().send(
                    HttpRequest.newBuilder(after.url("/intake/attachments/" + attachment.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(screenshot);
        } finally {
            after.close();
        }
    }

    private static HttpResponse<String> capture(Visitor monitor, ApplicationNode node, byte[] screenshot) {
        String form = monitor.get(node, "/intake/capture").body();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher t = TOKEN.matcher(form);
        while (t.find()) {
            fields.put(t.group(1), t.group(2));
        }
        Matcher channel = CHANNEL.matcher(form);
        assertThat(channel.find()).isTrue();
        fields.put("channelId", channel.group(1));
        fields.put("text", "网友发帖称某村自来水浑浊已三天，截图留存");
        String boundary = "----restore" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"screenshot.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(screenshot);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return monitor.send(HttpRequest.newBuilder(node.url("/intake/capture"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}

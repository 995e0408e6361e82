package cn.yuqing.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessor's offline check, without Spring: a file written as the application writes it verifies,
 * and any one byte changed anywhere in it does not; the command runs as its own process, with nothing
 * but the class path, and answers by its exit code.
 */
class AuditExportCheckTests {

    @TempDir
    Path dir;

    /** A run of the chain as the application would have recorded it, from entry {@code first}. */
    static List<AuditEntry> chain(long first, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = "ab".repeat(32);
        for (long seq = first; seq < first + count; seq++) {
            AuditEntry e = ChainHash.link(new AuditEntry(seq, Instant.parse("2027-07-12T02:00:00Z").plusSeconds(seq * 61),
                    "zhengfuban", "responsibility:rules:edit", "context-word/审计测试" + seq, seq % 2 == 0 ? null : "{\"before\":\"旧\"}",
                    "{\"added\":\"词" + seq + "\"}", "POST /responsibility/rules/context-words from 10.0.0.8", null, null), prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    Path write(List<AuditEntry> entries, String algorithm) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditFile.Writer writer = new AuditFile.Writer(out, algorithm);
        long first = entries.get(0).seq();
        long last = entries.get(entries.size() - 1).seq();
        writer.header(new AuditFile.Header(AuditFile.EXPORT, "潢川县", "2027-07-12", "2027-07-12", first, last, entries.size(),
                algorithm, Instant.parse("2027-07-12T10:00:00Z"), "shenji"));
        for (AuditEntry e : entries) {
            writer.entry(e);
        }
        writer.finish();
        Path file = dir.resolve("export-" + algorithm + ".jsonl");
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void aWrittenFileVerifiesAndEveryByteChangedAnywhereFails() throws IOException {
        Path file = write(chain(41, 6), AuditFile.SM3);
        AuditExportCheck.Outcome outcome = AuditExportCheck.check(file, null);
        assertThat(outcome.intact()).as(String.join("\n", outcome.report())).isTrue();
        assertThat(outcome.report()).contains("第41条至第46条，共6条：每条的哈希和前后链接均已重新计算，全部相符", "文件摘要（SM3）相符",
                "结论：完整，未发现改动。");

        byte[] original = Files.readAllBytes(file);
        Path changed = dir.resolve("changed.jsonl");
        for (int i = 0; i < original.length; i++) {
            byte[] bytes = original.clone();
            bytes[i] ^= 0x01;
            Files.write(changed, bytes);
            AuditExportCheck.Outcome broken = AuditExportCheck.check(changed, null);
            assertThat(broken.intact()).as("byte %d changed", i).isFalse();
            assertThat(broken.report().get(broken.report().size() - 1)).as("byte %d changed", i).startsWith("结论：未通过。");
        }
    }

    @Test
    void theFirstBrokenLineIsNamedWithWhy() throws IOException {
        List<AuditEntry> entries = chain(41, 6);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.seq(), third.recordedAt(), third.actor(), third.action(), "context-word/篡改", third.before(),
                third.after(), third.origin(), third.prevHash(), third.hash()));
        assertThat(AuditExportCheck.check(write(entries, AuditFile.SM3), null).report())
                .contains("结论：未通过。第4行：第43条记录的内容与其哈希不符：记录被改动");

        List<AuditEntry> gap = chain(41, 6);
        gap.remove(3);
        assertThat(AuditExportCheck.check(write(gap, AuditFile.SM3), null).report())
                .contains("结论：未通过。第5行：应为第44条记录，实为第45条：记录缺失、多出或顺序被改动");

        Path file = write(chain(41, 6), AuditFile.SHA_256);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(AuditExportCheck.check(file, null).report()).contains("结论：未通过。第8行：最后一行应是文件摘要，格式不符");
    }

    /** A whole chain rewritten and its digest recomputed passes on its own; the anchor taken before still catches it. */
    @Test
    void anAnchorCatchesAFileWhoseChainWasRewrittenWhole() throws IOException {
        List<AuditEntry> genuine = chain(41, 6);
        Path anchors = dir.resolve("audit-anchors.txt");
        Files.writeString(anchors, Anchor.FILE_HEADER + new Anchor(Instant.parse("2027-07-12T18:10:00Z"), 44, genuine.get(3).hash(),
                Anchor.DAILY).line() + "\n", StandardCharsets.UTF_8);
        assertThat(AuditExportCheck.check(write(genuine, AuditFile.SM3), anchors).report())
                .contains("与锚点文件核对了1个锚点，全部相符", "结论：完整，未发现改动。");

        List<AuditEntry> rewritten = new ArrayList<>();
        String prev = genuine.get(0).prevHash();
        for (AuditEntry e : genuine) {
            AuditEntry forged = ChainHash.link(new AuditEntry(e.seq(), e.recordedAt(), e.actor(), e.action(),
                    e.seq() == 42 ? "context-word/改写" : e.subject(), e.before(), e.after(), e.origin(), null, null), prev);
            rewritten.add(forged);
            prev = forged.hash();
        }
        Path forged = write(rewritten, AuditFile.SM3);
        assertThat(AuditExportCheck.check(forged, null).intact()).isTrue();
        assertThat(AuditExportCheck.check(forged, anchors).report())
                .anySatisfy(line -> assertThat(line).startsWith("结论：未通过。第5行：第44条记录的哈希与 2027-07-13 02:10 记下的锚点不符"));
    }

    /** The documented command, as its own process with only the class path: its words and its exit code. */
    @Test
    void theCommandAnswersInChineseAndByItsExitCode() throws Exception {
        Path file = write(chain(1, 3), AuditFile.SHA_256);
        Run good = command(file.toString());
        assertThat(good.exit()).isZero();
        assertThat(good.output()).contains("导出：潢川县，2027-07-12 至 2027-07-12，由 shenji 于 2027-07-12 18:00 导出，摘要算法 SHA-256",
                "文件摘要（SHA-256）相符", "结论：完整，未发现改动。");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        Run tampered = command(file.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.output()).contains("结论：未通过。");

        assertThat(command().exit()).isEqualTo(1);
        assertThat(command(dir.resolve("missing.jsonl").toString()).output()).contains("结论：未通过。无法读取文件");
    }

    record Run(int exit, String output) {
    }

    static Run command(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AuditExportCheck.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}

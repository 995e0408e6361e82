package cn.yuqing.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.bouncycastle.crypto.Digest;

import cn.yuqing.shared.Times;

/**
 * The assessor's check of an exported or archived audit file, offline, with a JDK and the released
 * jar and nothing else (the command is in docs/audit-keeping.md):
 *
 * <pre>java -Dloader.main=cn.yuqing.audit.AuditExportCheck -cp yuqing-huiying.jar \
 *      org.springframework.boot.loader.launch.PropertiesLauncher 文件 [锚点文件]</pre>
 *
 * It recomputes every entry's hash and its link to the entry before, checks that no entry is missing,
 * recomputes the file's digest, and, given the anchor file, compares every anchor that falls within
 * the file. It prints in Chinese what it found — intact, or the first broken line and why — and exits
 * 0 when the file is intact, 1 otherwise. Nothing of Spring starts: no database, no network.
 */
public final class AuditExportCheck {

    static final String USAGE = "用法：AuditExportCheck 操作记录文件 [锚点文件]";

    /** What the check found, as printed: intact or not, and the lines saying why. */
    record Outcome(boolean intact, List<String> report) {
    }

    private AuditExportCheck() {
    }

    public static void main(String[] args) {
        // a Chinese report must reach a Chinese Windows console (GBK) and a UTF-8 terminal alike
        Charset charset = System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        System.exit(run(args, out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            out.println(USAGE);
            return 1;
        }
        Outcome outcome = check(Path.of(args[0]), args.length == 2 ? Path.of(args[1]) : null);
        outcome.report().forEach(out::println);
        return outcome.intact() ? 0 : 1;
    }

    static Outcome check(Path file, Path anchorFile) {
        List<String> report = new ArrayList<>();
        report.add("操作记录文件：" + file);
        Map<Long, List<Anchor>> anchors;
        try {
            anchors = anchorsBySeq(anchorFile);
        } catch (IOException e) {
            return broken(report, "无法读取锚点文件 " + anchorFile + "：" + e.getMessage());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return new Walk(in, anchors, report).run();
        } catch (IOException e) {
            return broken(report, "无法读取文件：" + e.getMessage());
        }
    }

    private static Map<Long, List<Anchor>> anchorsBySeq(Path anchorFile) throws IOException {
        Map<Long, List<Anchor>> bySeq = new HashMap<>();
        if (anchorFile != null) {
            for (String line : Files.readAllLines(anchorFile, StandardCharsets.UTF_8)) {
                Anchor.parse(line).ifPresent(a -> bySeq.computeIfAbsent(a.seq(), s -> new ArrayList<>()).add(a));
            }
        }
        return bySeq;
    }

    private static Outcome broken(List<String> report, String why) {
        report.add("结论：未通过。" + why);
        return new Outcome(false, report);
    }

    /** One pass over the file; a line is known to be the last (the digest line) only when the next is read. */
    private static final class Walk {

        private final InputStream in;
        private final Map<Long, List<Anchor>> anchors;
        private final List<String> report;
        private int lineNo;
        /** The line being checked: the walk has always read one further. */
        private int current;

        Walk(InputStream in, Map<Long, List<Anchor>> anchors, List<String> report) {
            this.in = in;
            this.anchors = anchors;
            this.report = report;
        }

        Outcome run() throws IOException {
            byte[] line = nextLine();
            if (line == null) {
                return broken(report, "文件是空的");
            }
            AuditFile.Header header;
            Digest digest;
            try {
                header = AuditFile.Header.read(text(line));
                digest = AuditFile.digest(header.algorithm());
            } catch (RuntimeException e) {
                return broken(report, "第1行（文件头）无法识别：" + reason(e));
            }
            report.add(header.kindText() + "：" + header.installation() + "，" + header.from() + " 至 " + header.to() + "，由 "
                    + ("system".equals(header.exportedBy()) ? "系统" : header.exportedBy()) + " 于 " + Times.format(header.exportedAt()) + " " + header.kindText() + "，摘要算法 "
                    + header.algorithm());
            digest.update(line, 0, line.length);
            long expected = header.firstSeq();
            String previousHash = null;
            int anchorsMet = 0;
            byte[] next = nextLine();
            while (true) {
                line = next;
                current = lineNo;
                if (line == null) {
                    return broken(report, "文件不完整：缺少最后一行的文件摘要");
                }
                next = nextLine();
                if (next == null) {
                    break;
                }
                digest.update(line, 0, line.length);
                AuditEntry e;
                try {
                    e = AuditFile.readEntry(text(line));
                } catch (RuntimeException ex) {
                    return at("不是完整的记录：" + reason(ex));
                }
                if (e.seq() != expected) {
                    return at("应为第" + expected + "条记录，实为第" + e.seq() + "条：记录缺失、多出或顺序被改动");
                }
                if (previousHash != null && !previousHash.equals(e.prevHash())) {
                    return at("第" + e.seq() + "条记录与前一条的链接不符");
                }
                if (!ChainHash.of(e).equals(e.hash())) {
                    return at("第" + e.seq() + "条记录的内容与其哈希不符：记录被改动");
                }
                for (Anchor a : anchors.getOrDefault(e.seq(), List.of())) {
                    if (!a.hash().equals(e.hash())) {
                        return at("第" + e.seq() + "条记录的哈希与 " + a.atText() + " 记下的锚点不符：操作日志在锚点之后被整体改写");
                    }
                    anchorsMet++;
                }
                previousHash = e.hash();
                expected++;
            }
            long count = expected - header.firstSeq();
            if (expected - 1 != header.lastSeq() || count != header.count()) {
                return at("文件头写明第" + header.firstSeq() + "至" + header.lastSeq() + "条共" + header.count() + "条，文件中实有"
                        + count + "条：记录被删去或添加");
            }
            Matcher m = AuditFile.DIGEST_LINE.matcher(new String(line, StandardCharsets.ISO_8859_1));
            if (!m.matches()) {
                return at("最后一行应是文件摘要，格式不符");
            }
            if (!m.group(1).equals(header.algorithm())) {
                return at("文件摘要的算法与文件头不符");
            }
            if (!m.group(2).equals(AuditFile.hex(digest))) {
                return at("文件摘要（" + header.algorithm() + "）不符：文件在导出后被改动");
            }
            report.add("第" + header.firstSeq() + "条至第" + header.lastSeq() + "条，共" + count + "条：每条的哈希和前后链接均已重新计算，全部相符");
            report.add("文件摘要（" + header.algorithm() + "）相符");
            if (!anchors.isEmpty()) {
                report.add(anchorsMet == 0 ? "锚点文件中没有落在本文件范围内的锚点" : "与锚点文件核对了" + anchorsMet + "个锚点，全部相符");
            }
            if (previousHash != null) {
                report.add("末条（第" + header.lastSeq() + "条）哈希：" + previousHash);
            }
            report.add("结论：完整，未发现改动。");
            return new Outcome(true, report);
        }

        private Outcome at(String why) {
            return broken(report, "第" + current + "行：" + why);
        }

        /** The next line with its newline, or what is left at the end; null after the end. */
        private byte[] nextLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            if (line.size() == 0) {
                return null;
            }
            lineNo++;
            return line.toByteArray();
        }

        private static String text(byte[] line) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("不是有效的 UTF-8 文字");
            }
        }

        private static String reason(RuntimeException e) {
            return e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : "不是有效的 JSON 或字段值有误";
        }
    }
}

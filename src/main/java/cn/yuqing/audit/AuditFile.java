package cn.yuqing.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file a period of the audit is handed over or archived in: UTF-8 JSON Lines, a header line,
 * one line per entry holding everything its chain hash covers with its previous hash and hash, and a
 * last line with the digest (SM3, or SHA-256) of every byte before it. The application writes it and
 * {@link AuditExportCheck} reads it with no Spring, so both sides share this one definition.
 *
 * <p>Every byte counts: the digest covers all lines but the last, and the last must be exactly the
 * digest line with its newline, so a change anywhere in the file is found.
 */
final class AuditFile {

    static final String FORMAT = "yuqing-audit/1";
    static final String SM3 = "SM3";
    static final String SHA_256 = "SHA-256";
    static final List<String> ALGORITHMS = List.of(SM3, SHA_256);
    static final String EXPORT = "export";
    static final String ARCHIVE = "archive";

    /** The last line, byte for byte: lower-case hex, one newline, nothing after it. */
    static final Pattern DIGEST_LINE = Pattern.compile("\\{\"digest\":\"(SM3|SHA-256)\",\"value\":\"([0-9a-f]{64})\"}\n");

    static final List<String> ENTRY_FIELDS = List.of("seq", "recordedAt", "actor", "action", "subject", "before", "after",
            "origin", "prevHash", "hash");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditFile() {
    }

    /** A new digest of the algorithm named in a file's header or in {@code yuqing.audit.export-digest}. */
    static Digest digest(String algorithm) {
        return switch (algorithm) {
            case SM3 -> new SM3Digest();
            case SHA_256 -> new SHA256Digest();
            default -> throw new IllegalArgumentException("摘要算法只能是 SM3 或 SHA-256，不能是“" + algorithm + "”");
        };
    }

    static String hex(Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * What the first line says. {@code from} and {@code to} are days in Asia/Shanghai; the entries are
     * {@code firstSeq} to {@code lastSeq}, all of them, {@code count} in all.
     */
    record Header(String kind, String installation, String from, String to, long firstSeq, long lastSeq, long count,
            String algorithm, Instant exportedAt, String exportedBy) {

        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("format", FORMAT);
            f.put("kind", kind);
            f.put("installation", installation);
            f.put("from", from);
            f.put("to", to);
            f.put("firstSeq", firstSeq);
            f.put("lastSeq", lastSeq);
            f.put("count", count);
            f.put("algorithm", algorithm);
            f.put("exportedAt", exportedAt.toString());
            f.put("exportedBy", exportedBy);
            return f;
        }

        static Header read(String line) {
            JsonNode n = JSON.readTree(line);
            if (!n.isObject() || !FORMAT.equals(n.path("format").asString(""))) {
                throw new IllegalArgumentException("第一行不是本系统操作记录文件的文件头");
            }
            return new Header(text(n, "kind"), text(n, "installation"), text(n, "from"), text(n, "to"), number(n, "firstSeq"),
                    number(n, "lastSeq"), number(n, "count"), text(n, "algorithm"), Instant.parse(text(n, "exportedAt")),
                    text(n, "exportedBy"));
        }

        String kindText() {
            return ARCHIVE.equals(kind) ? "归档" : "导出";
        }
    }

    static String entryLine(AuditEntry e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("seq", e.seq());
        f.put("recordedAt", e.recordedAt().toString());
        f.put("actor", e.actor());
        f.put("action", e.action());
        f.put("subject", e.subject());
        f.put("before", e.before());
        f.put("after", e.after());
        f.put("origin", e.origin());
        f.put("prevHash", e.prevHash());
        f.put("hash", e.hash());
        return JSON.writeValueAsString(f);
    }

    /** An entry line read back; exactly the fields {@link #entryLine} writes, or a reason in Chinese why not. */
    static AuditEntry readEntry(String line) {
        JsonNode n = JSON.readTree(line);
        if (!n.isObject() || !List.copyOf(n.propertyNames()).equals(ENTRY_FIELDS)) {
            throw new IllegalArgumentException("字段应依次为 " + String.join("、", ENTRY_FIELDS));
        }
        return new AuditEntry(number(n, "seq"), Instant.parse(text(n, "recordedAt")), text(n, "actor"), text(n, "action"),
                text(n, "subject"), optional(n, "before"), optional(n, "after"), optional(n, "origin"), text(n, "prevHash"),
                text(n, "hash"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("缺少文字字段 " + field);
        }
        return v.stringValue();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : text(n, field);
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("缺少数字字段 " + field);
        }
        return v.longValue();
    }

    /** Writes the lines of a file while digesting them; {@link #finish()} adds the digest line. */
    static final class Writer {

        private final OutputStream out;
        private final String algorithm;
        private final Digest digest;

        Writer(OutputStream out, String algorithm) {
            this.out = out;
            this.algorithm = algorithm;
            this.digest = digest(algorithm);
        }

        void header(Header header) throws IOException {
            line(JSON.writeValueAsString(header.fields()));
        }

        void entry(AuditEntry entry) throws IOException {
            line(entryLine(entry));
        }

        /** The digest line; returns the digest in hex. */
        String finish() throws IOException {
            String value = hex(digest);
            out.write(("{\"digest\":\"" + algorithm + "\",\"value\":\"" + value + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return value;
        }

        // encoded as the chain hash encodes its text (String.getBytes), so what is hashed is what is written
        private void line(String json) throws IOException {
            byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
            digest.update(bytes, 0, bytes.length);
            out.write(bytes);
        }
    }
}

package cn.yuqing.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachments on disk under {@code ./data/attachments} — of collected items and of releases —
 * named by their SHA-256: a file name from outside never becomes a path, and the same file sent
 * twice is stored once. Only the types staff need (images, PDF) are taken, recognised by their
 * bytes rather than by what the sender says.
 */
@Component
public class FileStore {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    public record Stored(String fileName, String contentType, long size, String sha256) {
    }

    private final Path root;

    FileStore(@Value("${yuqing.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "attachments");
    }

    /** Checks without storing, so that a bad file rejects the record before anything is written. */
    public String check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainRuleViolation("附件“" + displayName(fileName) + "”是空文件");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainRuleViolation("附件“" + displayName(fileName) + "”超过10MB");
        }
        String type = sniff(content);
        if (type == null) {
            throw new DomainRuleViolation("附件“" + displayName(fileName) + "”不是图片（PNG、JPEG、GIF、WebP）或PDF文件");
        }
        return type;
    }

    public Stored store(String fileName, byte[] content) {
        String type = check(fileName, content);
        String sha = Hashes.sha256(content);
        Path target = pathOf(sha);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
                Files.write(tmp, content);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        return new Stored(displayName(fileName), type, content.length, sha);
    }

    /**
     * A stored file as the browser should get it: images shown inline, anything else downloaded,
     * under its display name, with its sniffed type and no type guessing by the browser.
     */
    public static org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> serve(Path file, String fileName,
            String contentType) {
        if (!Files.exists(file)) {
            throw new NotFound("附件文件");
        }
        org.springframework.http.ContentDisposition disposition = (contentType.startsWith("image/")
                ? org.springframework.http.ContentDisposition.inline() : org.springframework.http.ContentDisposition.attachment())
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build();
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(contentType))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new org.springframework.core.io.FileSystemResource(file));
    }

    public Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The last path segment, without control characters, at most 200 characters. */
    public static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "附件";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "附件";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    public static String sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

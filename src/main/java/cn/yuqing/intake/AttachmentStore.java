package cn.yuqing.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Hashes;

/**
 * Attachments on disk under {@code ./data/attachments}, named by their SHA-256: a file name from
 * outside never becomes a path, and the same screenshot sent twice is stored once. Only the types
 * staff need (images, PDF) are taken, recognised by their bytes rather than by what the sender says.
 */
@Component
class AttachmentStore {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_ITEM = 10;

    record Stored(String fileName, String contentType, long size, String sha256) {
    }

    private final Path root;

    AttachmentStore(@Value("${yuqing.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "attachments");
    }

    /** Checks without storing, so that a bad file rejects the item before anything is written. */
    String check(ItemSubmission.Upload upload) {
        if (upload.content() == null || upload.content().length == 0) {
            throw new DomainRuleViolation("附件“" + displayName(upload.fileName()) + "”是空文件");
        }
        if (upload.content().length > MAX_BYTES) {
            throw new DomainRuleViolation("附件“" + displayName(upload.fileName()) + "”超过10MB");
        }
        String type = sniff(upload.content());
        if (type == null) {
            throw new DomainRuleViolation("附件“" + displayName(upload.fileName()) + "”不是图片（PNG、JPEG、GIF、WebP）或PDF文件");
        }
        return type;
    }

    Stored store(ItemSubmission.Upload upload) {
        String type = check(upload);
        String sha = Hashes.sha256(upload.content());
        Path target = pathOf(sha);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
                Files.write(tmp, upload.content());
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        return new Stored(displayName(upload.fileName()), type, upload.content().length, sha);
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String displayName(String name) {
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

    static String sniff(byte[] b) {
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

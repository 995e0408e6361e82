package cn.yuqing.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets and personal data encrypted at rest (等保 level 3, 密评): SM4 in GCM mode by default, AES in
 * GCM mode as the option, with a 128-bit key from the environment ({@code YUQING_DATA_KEY}, base64),
 * never from the database or the repository. A stored value reads
 * {@code enc:v1:<algorithm>:<key id>:<base64 of nonce, ciphertext and tag>}; the key id (the first
 * eight hex digits of the key's SM3) tells which key wrote it, so that during a rotation the
 * previous key ({@code YUQING_DATA_KEY_PREVIOUS}) still reads what it wrote. A value without the
 * prefix was written before encryption and is read as it is, until the rotation command encrypts it.
 */
@Component
public class DataCipher {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The algorithms offered: the national one by default. */
    public enum Algorithm {
        SM4, AES;

        GCMModeCipher gcm() {
            return GCMBlockCipher.newInstance(this == SM4 ? new SM4Engine() : AESEngine.newInstance());
        }
    }

    record Key(Algorithm algorithm, byte[] bytes, String id) {
    }

    private final Key current;
    private final Map<String, Key> readable = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Autowired
    DataCipher(@Value("${yuqing.crypto.key:}") String key, @Value("${yuqing.crypto.previous-key:}") String previousKey,
            @Value("${yuqing.crypto.algorithm:SM4}") Algorithm algorithm, @Value("${yuqing.crypto.key-file:}") String keyFile) {
        this(key.isBlank() && !keyFile.isBlank() ? keyFromFile(Path.of(keyFile)) : required(key), previousKey, algorithm);
    }

    /** Outside the embedded tier the key must be given: started without one, nothing secret could be saved. */
    private static String required(String key) {
        if (key.isBlank()) {
            throw new IllegalStateException("未提供数据加密密钥：请设置环境变量 YUQING_DATA_KEY（16字节随机数的Base64，可用 openssl rand -base64 16 生成），"
                    + "每个节点相同，并与数据、备份分开保管。");
        }
        return key;
    }

    /** For the rotation and the tests: the keys as given, base64, blank for none. */
    public DataCipher(String key, String previousKey, Algorithm algorithm) {
        this.current = key == null || key.isBlank() ? null : key(key, algorithm, "YUQING_DATA_KEY");
        if (previousKey != null && !previousKey.isBlank()) {
            Key previous = key(previousKey, algorithm, "YUQING_DATA_KEY_PREVIOUS");
            readable.put(previous.id(), previous);
        }
        if (current != null) {
            readable.put(current.id(), current);
        }
    }

    private static Key key(String base64, Algorithm algorithm, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " 应为16字节密钥的Base64编码（可用 openssl rand -base64 16 生成）");
        }
        if (bytes.length != 16) {
            throw new IllegalStateException(name + " 应为16字节（128位）密钥的Base64编码，现为" + bytes.length + "字节");
        }
        return new Key(algorithm, bytes, Hashes.sm3(bytes).substring(0, 8));
    }

    /**
     * The demonstration's convenience: a key kept in a file beside the embedded database (made on the
     * first start, readable by its owner only), so that the first command needs no setting. A real
     * installation gives the key in the environment.
     */
    private static String keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] bytes = new byte[16];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the file keeps the directory's permissions
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("无法读取或创建数据加密密钥文件 " + file + "：" + e.getMessage(), e);
        }
    }

    public boolean configured() {
        return current != null;
    }

    /** The algorithm and key id new values are written with, or empty when no key is given. */
    public String describe() {
        return current == null ? "" : current.algorithm() + "（密钥标识 " + current.id() + "）";
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the value is written with the current key (the rotation's test). */
    public boolean current(String stored) {
        return current != null && stored != null && stored.startsWith(PREFIX + current.algorithm() + ":" + current.id() + ":");
    }

    /** Null stays null; without a key nothing secret may be stored, and the form that tried says so. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        if (current == null) {
            throw new DomainRuleViolation("未配置数据加密密钥（环境变量 YUQING_DATA_KEY），不能保存密码、密钥、电话、邮箱等须加密的信息");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(current, true, nonce, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return PREFIX + current.algorithm() + ":" + current.id() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /** A value written before encryption is returned as it is. */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("加密数据格式不正确");
        }
        Key key = readable.get(parts[1]);
        if (key == null || !key.algorithm().name().equals(parts[0])) {
            throw new IllegalStateException("加密数据由密钥 " + parts[1] + "（" + parts[0] + "）写入，未提供该密钥"
                    + "（YUQING_DATA_KEY，轮换期间另设 YUQING_DATA_KEY_PREVIOUS）");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("加密数据不完整");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(key, false, nonce, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] run(Key key, boolean encrypt, byte[] nonce, byte[] in) {
        GCMModeCipher gcm = key.algorithm().gcm();
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key.bytes()), TAG_BITS, nonce));
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("加密数据校验失败：内容被改动，或密钥不符", e);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}

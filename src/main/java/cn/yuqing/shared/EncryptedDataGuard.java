package cn.yuqing.shared;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses the start, before any page is served, when the database holds encrypted data that the
 * given key cannot read — no key at all, or another key — rather than failing on the first mailbox
 * poll or page that needs it.
 */
@Component
public class EncryptedDataGuard implements SmartInitializingSingleton {

    private final EncryptedColumns columns;
    private final DataCipher cipher;
    private final JdbcTemplate jdbc;

    public EncryptedDataGuard(EncryptedColumns columns, DataCipher cipher, JdbcTemplate jdbc) {
        this.columns = columns;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    /** Throws, naming the column, when the key cannot read what is stored. */
    public void check() {
        for (EncryptedColumns.Column c : columns.all()) {
            if (!cipher.configured() && columns.encryptedValues(c) > 0) {
                throw new IllegalStateException("数据库中已有加密数据（" + c.table() + "." + c.column()
                        + "），但未提供数据加密密钥：请设置环境变量 YUQING_DATA_KEY 后再启动。");
            }
            List<String> sample = jdbc.queryForList("select " + c.column() + " from " + c.table() + " where " + c.column()
                    + " like 'enc:v1:%' fetch first 1 rows only", String.class);
            for (String value : sample) {
                try {
                    cipher.decrypt(value);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("数据加密密钥与数据库中的加密数据不符（" + c.table() + "." + c.column() + "）："
                            + e.getMessage(), e);
                }
            }
        }
    }
}

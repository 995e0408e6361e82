package cn.yuqing.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Key rotation by command: {@code java -jar yuqing-huiying.jar --rotate-data-key} with the new key in
 * {@code YUQING_DATA_KEY} and the old one in {@code YUQING_DATA_KEY_PREVIOUS}. Every encrypted column
 * is rewritten with the new key, and values stored before encryption are encrypted; each value is
 * replaced only if nobody changed it meanwhile, so nodes running with both keys keep working during
 * the rotation and may have the previous key removed once it has finished.
 */
@Component
public class DataKeyRotation implements ApplicationRunner {

    private final EncryptedColumns columns;
    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final ConfigurableApplicationContext context;

    DataKeyRotation(EncryptedColumns columns, JdbcTemplate jdbc, DataCipher cipher, ConfigurableApplicationContext context) {
        this.columns = columns;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("rotate-data-key")) {
            return;
        }
        Map<String, Integer> rewritten = rotate(cipher);
        rewritten.forEach((column, n) -> System.err.println(column + "：已重新加密 " + n + " 项"));
        System.err.println("密钥轮换完成：全部数据已用 " + cipher.describe() + " 加密，可以移除 YUQING_DATA_KEY_PREVIOUS。");
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Rewrites every value not yet under the cipher's current key; how many per column. */
    public Map<String, Integer> rotate(DataCipher with) {
        if (!with.configured()) {
            throw new IllegalStateException("轮换密钥须设置新的 YUQING_DATA_KEY");
        }
        Map<String, Integer> rewritten = new LinkedHashMap<>();
        for (EncryptedColumns.Column c : columns.all()) {
            int n = 0;
            List<Map<String, Object>> rows = jdbc.queryForList("select id, " + c.column() + " as v from " + c.table()
                    + " where " + c.column() + " is not null");
            for (Map<String, Object> row : rows) {
                String value = (String) row.get("v");
                if (!with.current(value)) {
                    n += jdbc.update("update " + c.table() + " set " + c.column() + " = ? where id = ? and " + c.column() + " = ?",
                            with.encrypt(with.decrypt(value)), row.get("id"), value);
                }
            }
            rewritten.put(c.table() + "." + c.column(), n);
        }
        return rewritten;
    }
}

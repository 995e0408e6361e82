package cn.yuqing.shared;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The columns kept encrypted, found from the entities' mappings ({@link Encrypted}) rather than
 * listed, so that a new secret column is guarded and rotated without anyone remembering it.
 */
@Component
public class EncryptedColumns {

    /** A table's encrypted column and the table's key column. */
    public record Column(String table, String column) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final JdbcTemplate jdbc;

    EncryptedColumns(EntityManagerFactory entities, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (var entity : entities.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            Table table = type.getAnnotation(Table.class);
            String tableName = table != null && !table.name().isBlank() ? table.name() : snake(type.getSimpleName());
            for (Field field : type.getDeclaredFields()) {
                Convert convert = field.getAnnotation(Convert.class);
                if (convert != null && convert.converter() == Encrypted.class) {
                    jakarta.persistence.Column named = field.getAnnotation(jakarta.persistence.Column.class);
                    columns.add(new Column(tableName, named != null && !named.name().isBlank() ? named.name() : snake(field.getName())));
                }
            }
        }
        columns.sort(java.util.Comparator.comparing(Column::table).thenComparing(Column::column));
    }

    /** As Spring's physical naming strategy writes a Java name: camelCase to snake_case. */
    static String snake(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public List<Column> all() {
        return List.copyOf(columns);
    }

    /** How many values of the column were written encrypted. */
    public long encryptedValues(Column c) {
        return jdbc.queryForObject("select count(*) from " + c.table() + " where " + c.column() + " like 'enc:v1:%'", Long.class);
    }

    /** How many values of the column are not (yet) encrypted. */
    public long clearValues(Column c) {
        return jdbc.queryForObject("select count(*) from " + c.table() + " where " + c.column() + " is not null and "
                + c.column() + " not like 'enc:v1:%'", Long.class);
    }
}

package cn.yuqing.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.shared.BackupStarting;
import cn.yuqing.shared.Times;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup takes the audit's anchor file along, by its configured path and nothing of the audit
 * module, after announcing itself so that the anchor file holds the head of this very moment.
 */
class BackupAnchorTests {

    @TempDir
    Path data;

    @Test
    void aBackupAnnouncesItselfThenTakesTheAnchorFileAlong() throws Exception {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:h2:file:" + data.resolve("yuqing") + ";MODE=PostgreSQL",
                "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.execute("create table opinion_item (id int)");
            jdbc.execute("create table audit_entry (seq int)");
            Path anchors = data.resolve("audit-anchors.txt");
            List<Object> published = new ArrayList<>();
            Backups backups = new Backups(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)), event -> {
                published.add(event);
                if (event instanceof BackupStarting) {
                    // what the audit does on this event: the head appended to the anchor file
                    write(anchors, "2027-07-12T18:10:00Z\t523\t" + "ab".repeat(32) + "\t备份\n");
                }
            }, Clock.fixed(Instant.parse("2027-07-12T18:30:00Z"), Times.ZONE), data.toString(), "", 14, anchors.toString());

            Backups.Backup made = backups.backUp();

            assertThat(published.get(0)).isInstanceOf(BackupStarting.class);
            try (ZipFile zip = new ZipFile(backups.directory().resolve(made.name()).toFile())) {
                assertThat(new String(zip.getInputStream(zip.getEntry("audit-anchors.txt")).readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\t523\t");
                Properties manifest = new Properties();
                manifest.load(zip.getInputStream(zip.getEntry("manifest.properties")));
                assertThat(manifest.getProperty("audit-anchors")).isEqualTo("true");
            }
        } finally {
            db.destroy();
        }
    }

    private static void write(Path file, String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package cn.yuqing.audit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.EmbeddedPostgresConfiguration;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily keeping on a real PostgreSQL server: the boundary locked, the prefix moved out, the rest still a chain. */
@SpringBootTest(properties = {"yuqing.audit.anchor-file=target/audit-keeping-pg/audit-anchors.txt",
        "yuqing.audit.archive-dir=target/audit-keeping-pg/audit-archive"})
@ActiveProfiles({"demo", "test"})
@Import({TestClockConfiguration.class, EmbeddedPostgresConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditKeepingPostgresTests {

    @Autowired
    AuditKeeping keeping;
    @Autowired
    AuditArchive archive;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditKeepingSettings settings;
    @Autowired
    MutableClock clock;

    @Test
    void theDailyTaskArchivesWhatPassedRetentionAndAnchorsTheHead() {
        long before = trail.head().seq();
        clock.advance(Duration.ofDays(181));

        keeping.daily();

        AuditArchive.Archived made = archive.list(1).get(0);
        assertThat(made.lastSeq()).isGreaterThanOrEqualTo(before);
        assertThat(trail.entry(made.lastSeq())).isEmpty();
        assertThat(AuditExportCheck.check(settings.archiveDir().resolve(made.fileName()), null).intact()).isTrue();
        ChainVerification live = trail.verify();
        assertThat(live.intact()).as(live.problem()).isTrue();
        assertThat(live.archivedThroughSeq()).isEqualTo(made.lastSeq());
        assertThat(anchors.check(anchors.latest().orElseThrow(), live).confirmed()).isTrue();
        assertThat(archive.archiveExpired()).as("nothing more to archive the same day").isEmpty();
    }
}

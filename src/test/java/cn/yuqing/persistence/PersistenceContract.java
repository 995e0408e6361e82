package cn.yuqing.persistence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.audit.AuditTrail;
import cn.yuqing.organisation.DivisionImport;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.OrganisationManagement;
import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitData;
import cn.yuqing.organisation.UnitKind;
import cn.yuqing.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every supported database must do with our migrations and mappings. Run once per database
 * by the subclasses; Hibernate validates the mappings against the migrated schema at start-up.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
abstract class PersistenceContract {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    OrganisationManagement management;
    @Autowired
    AuditTrail audit;

    @Test
    void everyMigrationApplies() {
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success and version is not null order by installed_rank",
                String.class)).startsWith("1", "2");
    }

    @Test
    void demoDirectoryHoldsHuangchuansTwentyThreeTownshipsAndThreeHundredOneVillages() {
        assertThat(directory.childrenOf("411526")).hasSize(23);
        Integer villages = jdbc.queryForObject(
                "select count(*) from region v join region t on v.parent_code = t.code where t.parent_code = '411526'",
                Integer.class);
        assertThat(villages).isEqualTo(301);
        assertThat(directory.governmentOfficeOf("411526")).map(Unit::name).contains("潢川县人民政府办公室");
        assertThat(directory.publicityDepartmentOf("411526")).map(Unit::name).contains("中共潢川县委宣传部");
    }

    @Test
    void unitWithCompetenceAndVerticalSuperiorRoundTrips() {
        Unit cityBureau = directory.unitsIn("4115").stream().filter(u -> u.name().equals("信阳市气象局")).findFirst().orElseThrow();
        Unit created = management.createUnit(new UnitData("潢川县测试分局" + System.nanoTime() % 10000, "测试分局",
                UnitKind.DEPARTMENT, "411526", true, cityBureau.id(), Set.of("WEATHER", "EMERGENCY")));
        Unit read = directory.requireUnit(created.id());
        assertThat(read.competences()).containsExactlyInAnyOrder("WEATHER", "EMERGENCY");
        assertThat(read.superior().name()).isEqualTo("信阳市气象局");
        assertThat(read.level().name()).isEqualTo("COUNTY");
    }

    @Test
    void auditChainSurvivesTheDatabaseRoundTripAndBreaksWhenARowIsEdited() {
        management.renameRegion("411526107", "踅孜镇");
        assertThat(audit.verify().intact()).isTrue();
        long last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        jdbc.update("update audit_entry set actor = 'someone-else' where seq = ?", last);
        var result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(last);
        jdbc.update("update audit_entry set actor = 'system' where seq = ?", last);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDivisionFileWithOneBadRowStoresNothing() {
        String csv = """
                code,name,level,parent
                411526999,测试乡,township,411526
                411526999001,测试村,village,411526999
                411526998001,孤村,village,411526998
                """;
        long before = jdbc.queryForObject("select count(*) from region", Long.class);
        assertThatThrownBy(() -> management.importDivisions(
                DivisionImport.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(DivisionImport.Rejected.class)
                .satisfies(e -> assertThat(((DivisionImport.Rejected) e).errors()).singleElement().asString()
                        .contains("第4行").contains("411526998"));
        assertThat(jdbc.queryForObject("select count(*) from region", Long.class)).isEqualTo(before);
    }

    @Test
    void reimportingTheSameDivisionsCreatesNothing() {
        var rows = cn.yuqing.organisation.DivisionImportFixtures.huangchuan();
        assertThat(management.importDivisions(rows).created()).isZero();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;

    /** The deadline timers' claim: rows one transaction holds are skipped, not waited for, by another. */
    @Test
    void aTimerClaimedByOneNodeIsSkippedByAnother() throws Exception {
        Long unit = directory.governmentOfficeOf("411526").orElseThrow().id();
        jdbc.update("insert into opinion_event (title, owner_unit_id, level_region_code, first_known_at, state)"
                + " values ('计时测试', ?, '411526', timestamp '2000-01-01 00:00:00', 'JUDGED')", unit);
        Long event = jdbc.queryForObject("select max(id) from opinion_event", Long.class);
        jdbc.update("insert into deadline (event_id, clock, policy, allowed, basis, started_at, due_at, status)"
                + " values (?, 'STATEMENT', '测试', '5小时', 'FIRST_KNOWN', timestamp '2000-01-01 00:00:00',"
                + " timestamp '2000-01-01 05:00:00', 'RUNNING')", event);
        Long deadline = jdbc.queryForObject("select max(id) from deadline", Long.class);
        for (int i = 0; i < 4; i++) {
            jdbc.update("insert into deadline_timer (deadline_id, kind, fire_at) values (?, 'REMIND', timestamp '2000-01-01 01:00:00')",
                    deadline);
        }
        java.sql.Timestamp due = java.sql.Timestamp.valueOf("2000-01-02 00:00:00");
        var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        var claimed = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var first = other.submit(() -> tx.execute(s -> {
                java.util.List<Long> ids = jdbc.query(cn.yuqing.deadline.DeadlineTimers.claimFor(jdbc), (rs, n) -> rs.getLong("id"), due, 2);
                claimed.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids;
            }));
            claimed.await();
            java.util.List<Long> second = tx.execute(s -> jdbc.query(cn.yuqing.deadline.DeadlineTimers.claimFor(jdbc),
                    (rs, n) -> rs.getLong("id"), due, 4));
            release.countDown();
            assertThat(first.get()).hasSize(2);
            assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first.get());
        } finally {
            other.shutdownNow();
            jdbc.update("delete from deadline_timer where deadline_id = ?", deadline);
        }
    }
}

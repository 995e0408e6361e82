package cn.yuqing.deadline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.yuqing.support.EmbeddedPostgresConfiguration;

/** The distributed tier's database: PostgreSQL (embedded binaries). */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap")
@ActiveProfiles({"demo", "test"})
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresDeadlineTimerBenchmark extends DeadlineTimerBenchmark {

    @Override
    String database() {
        return "PostgreSQL";
    }
}

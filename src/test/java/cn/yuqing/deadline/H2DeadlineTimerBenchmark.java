package cn.yuqing.deadline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The embedded tier: H2 file database on disk. */
@SpringBootTest(properties = {
        "yuqing.data-dir=target/bench-data",
        "spring.datasource.url=jdbc:h2:file:./target/bench-data/timers-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap"})
@ActiveProfiles({"demo", "test"})
class H2DeadlineTimerBenchmark extends DeadlineTimerBenchmark {

    @Override
    String database() {
        return "H2";
    }
}

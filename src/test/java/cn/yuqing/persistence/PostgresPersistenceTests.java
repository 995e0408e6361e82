package cn.yuqing.persistence;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The distributed tier's database: a real PostgreSQL server (embedded binaries), started as a
 * bean so that it stops after the context that uses it.
 */
@Import(PostgresPersistenceTests.Postgres.class)
// closed right after the class, while its server still runs: left to the JVM's exit, the embedded
// server's own shutdown hook stops it first and the context waits 30 s for a connection
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresPersistenceTests extends PersistenceContract {

    @TestConfiguration(proxyBeanMethods = false)
    static class Postgres {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(5);
            return ds;
        }
    }
}

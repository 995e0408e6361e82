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

package cn.yuqing.persistence;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import cn.yuqing.support.EmbeddedPostgresConfiguration;

/** The persistence contract on a real PostgreSQL server (embedded binaries). */
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresPersistenceTests extends PersistenceContract {
}

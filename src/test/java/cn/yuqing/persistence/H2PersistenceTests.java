package cn.yuqing.persistence;

/** The embedded tier's database: H2 in PostgreSQL mode. */
class H2PersistenceTests extends PersistenceContract {
}

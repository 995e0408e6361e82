package cn.yuqing.shared;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManagerFactory;

/**
 * The search index rebuilt from the database, at start, when asked for with
 * {@code --yuqing.search.rebuild=true}: after a restore (the index is not in a backup), after an
 * OpenSearch loss, or after the analyzer changed. The database is the record; the index is only
 * a way to find in it.
 */
@Component
@ConditionalOnBooleanProperty("yuqing.search.rebuild")
class SearchIndexRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuild.class);

    private final EntityManagerFactory entityManagerFactory;

    SearchIndexRebuild(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long started = System.nanoTime();
        log.warn("正在从数据库重建检索索引……");
        Search.mapping(entityManagerFactory).scope(Object.class).massIndexer().threadsToLoadObjects(2).startAndWait();
        log.warn("检索索引已重建，用时{}秒", (System.nanoTime() - started) / 1_000_000_000);
    }
}

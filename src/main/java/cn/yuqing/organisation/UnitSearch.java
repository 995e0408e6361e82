package cn.yuqing.organisation;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds units by any part of their name or short names, segmented as Chinese (smartcn). */
@Component
class UnitSearch {

    private final EntityManager entityManager;

    UnitSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public List<Unit> find(String query, int limit) {
        String text = cn.yuqing.shared.SearchText.of(query);
        if (text == null) {
            return List.of();
        }
        return Search.session(entityManager).search(Unit.class)
                .where(f -> f.simpleQueryString().fields("name", "shortNames").matching(text)
                        .defaultOperator(org.hibernate.search.engine.search.common.BooleanOperator.AND))
                .fetchHits(limit);
    }
}

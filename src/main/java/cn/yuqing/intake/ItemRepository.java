package cn.yuqing.intake;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ItemRepository extends JpaRepository<OpinionItem, Long> {

    /**
     * By external id first, then the channel: a database that would walk the channel's every item
     * to test the ids (H2 picks the channel's index) finds them by the id's own index instead.
     */
    @Query("select i.externalId, i.id, i.channelId from OpinionItem i where i.externalId in ?1")
    List<Object[]> findByExternalIds(Collection<String> externalIds);

    default List<Object[]> findExternalIds(Long channelId, Collection<String> externalIds) {
        return findByExternalIds(externalIds).stream().filter(row -> channelId.equals(row[2])).toList();
    }

    @Query("select i.urlKey, i.id from OpinionItem i where i.urlKey in ?1")
    List<Object[]> findUrlKeys(Collection<String> urlKeys);

    @Query("select i from OpinionItem i where i.unitId in ?1 order by i.discoveredAt desc, i.id desc")
    List<OpinionItem> findRecent(Collection<Long> unitIds, Pageable page);

    @Query("select count(i) from OpinionItem i where i.patrolId = ?1")
    long countByPatrol(Long patrolId);

    @Query("select count(i) from OpinionItem i where i.sourceId = ?1")
    long countBySource(Long sourceId);
}

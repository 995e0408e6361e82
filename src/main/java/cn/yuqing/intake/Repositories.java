package cn.yuqing.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChannelRepository extends JpaRepository<Channel, Long> {

    @Query("select c from Channel c where c.unitId in ?1 order by c.unitId, c.name")
    List<Channel> findInUnits(Collection<Long> unitIds);

    @Query("select c from Channel c where c.active = true")
    List<Channel> findActive();
}

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

interface AttachmentRepository extends JpaRepository<ItemAttachment, Long> {

    @Query("select a from ItemAttachment a where a.itemId = ?1 order by a.id")
    List<ItemAttachment> findByItem(Long itemId);
}

interface AnnotationRepository extends JpaRepository<ItemAnnotation, Long> {

    @Query("select a from ItemAnnotation a where a.itemId = ?1 order by a.createdAt")
    List<ItemAnnotation> findByItem(Long itemId);
}

interface PatrolRepository extends JpaRepository<PatrolRecord, Long> {

    @Query("select p from PatrolRecord p where p.workingDay = ?1 and p.channelId in ?2 order by p.patrolledAt")
    List<PatrolRecord> findOnDay(LocalDate day, Collection<Long> channelIds);

    @Query("select p from PatrolRecord p where p.workingDay >= ?1 and p.workingDay < ?2")
    List<PatrolRecord> findBetween(LocalDate from, LocalDate toExclusive);

    @Query("select p from PatrolRecord p where p.channelId = ?1 order by p.patrolledAt desc")
    List<PatrolRecord> findLatest(Long channelId, Pageable page);
}

interface SourceRepository extends JpaRepository<IntakeSource, Long> {

    Optional<IntakeSource> findByApiKeyHash(String apiKeyHash);

    /**
     * Bookkeeping of a delivery as one statement, not read-modify-write of the entity: batches
     * pushed at once with one key (on one node or several) must not fail each other on the
     * version, after their items are stored.
     */
    @Modifying
    @Query("""
            update IntakeSource s set s.lastPolledAt = ?3, s.lastError = null,
                s.itemsDelivered = s.itemsDelivered + ?2,
                s.lastDeliveredAt = case when ?2 > 0 then ?3 else s.lastDeliveredAt end
            where s.id = ?1""")
    int delivered(Long id, int created, Instant now);

    @Modifying
    @Query("update IntakeSource s set s.lastPolledAt = ?3, s.lastError = ?2, s.lastErrorAt = ?3 where s.id = ?1")
    int failed(Long id, String error, Instant now);

    @Query("select s from IntakeSource s where s.kind = ?1 and s.active = true")
    List<IntakeSource> findActive(SourceKind kind);

    @Query("select s from IntakeSource s where s.active = true")
    List<IntakeSource> findAllActive();

    @Query("select s from IntakeSource s where s.channelId in ?1 order by s.kind, s.name")
    List<IntakeSource> findForChannels(Collection<Long> channelIds);

}

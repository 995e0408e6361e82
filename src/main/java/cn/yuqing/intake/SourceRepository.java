package cn.yuqing.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

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

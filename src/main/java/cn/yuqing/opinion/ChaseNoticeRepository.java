package cn.yuqing.opinion;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChaseNoticeRepository extends JpaRepository<ChaseNotice, Long> {

    /** Drafts first, then the newest: a page's worth, however long the installation's history. */
    @Query("select c from ChaseNotice c order by c.issuedAt nulls first, c.draftedAt desc")
    List<ChaseNotice> findRecent(org.springframework.data.domain.Pageable page);

    @Query("select c from ChaseNotice c where c.eventId = ?1 order by c.id")
    List<ChaseNotice> findByEvent(Long eventId);

    @Query("select c from ChaseNotice c where c.unitId in ?1 order by c.draftedAt desc")
    List<ChaseNotice> findForUnits(Collection<Long> unitIds);

    boolean existsByOrderIdAndKindAndClockKey(Long orderId, ChaseNotice.Kind kind, String clockKey);
}

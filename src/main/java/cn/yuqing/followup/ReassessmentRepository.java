package cn.yuqing.followup;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReassessmentRepository extends JpaRepository<Reassessment, Long> {

    @Query("select r from Reassessment r where r.eventId = ?1 order by r.assessedAt, r.id")
    List<Reassessment> findByEvent(Long eventId);

    /** The latest re-assessment of each of the events, for the list of what is due. */
    @Query("""
            select r from Reassessment r where r.eventId in ?1 and r.assessedAt =
              (select max(x.assessedAt) from Reassessment x where x.eventId = r.eventId)""")
    List<Reassessment> findLatest(List<Long> eventIds);
}

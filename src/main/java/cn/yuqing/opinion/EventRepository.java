package cn.yuqing.opinion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<OpinionEvent, Long> {

    Optional<OpinionEvent> findByCandidateId(Long candidateId);

    @Query("""
            select e from OpinionEvent e where e.ownerUnitId in ?1
               or exists (select p from EventParty p where p.eventId = e.id and p.unitId in ?1)
            order by e.state, e.firstKnownAt desc""")
    List<OpinionEvent> findVisible(Collection<Long> unitIds);

    @Query("select e from OpinionEvent e order by e.state, e.firstKnownAt desc")
    List<OpinionEvent> findAllOrdered();
}

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

interface PartyRepository extends JpaRepository<EventParty, EventParty.Key> {

    @Query("select p from EventParty p where p.eventId = ?1 order by p.role")
    List<EventParty> findByEvent(Long eventId);

    @Query("select p.unitId from EventParty p where p.eventId = ?1")
    List<Long> unitsOf(Long eventId);

    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from EventParty p where p.eventId = ?1")
    void deleteByEvent(Long eventId);
}

interface WarningReportRepository extends JpaRepository<WarningReport, Long> {

    @Query("select r from WarningReport r where r.eventId = ?1 order by r.sentAt")
    List<WarningReport> findByEvent(Long eventId);

    @Query("select count(r) > 0 from WarningReport r where r.eventId = ?1 and r.kind = ?2")
    boolean sent(Long eventId, WarningReport.Kind kind);
}

interface TalkingPointsRepository extends JpaRepository<TalkingPoints, Long> {

    @Query("select t from TalkingPoints t where t.eventId = ?1 order by t.version desc")
    List<TalkingPoints> findByEvent(Long eventId);
}

interface WorkOrderRepository extends JpaRepository<WorkOrder, Long> {

    @Query("select w from WorkOrder w where w.eventId = ?1 order by w.id")
    List<WorkOrder> findByEvent(Long eventId);

    @Query("select w from WorkOrder w where w.unitId in ?1 order by w.status, w.sentAt desc")
    List<WorkOrder> findForUnits(Collection<Long> unitIds);
}

interface GradeRepository extends JpaRepository<Grade, String> {
}

interface CriterionRepository extends JpaRepository<JudgementCriterion, String> {
}

package cn.yuqing.opinion;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkOrderRepository extends JpaRepository<WorkOrder, Long> {

    @Query("select w from WorkOrder w where w.eventId = ?1 order by w.id")
    List<WorkOrder> findByEvent(Long eventId);

    /** What to do first on top: to sign for, being worked on, sent back, then done and withdrawn; newest first within each. */
    @Query("""
            select w from WorkOrder w where w.unitId in ?1 order by case w.status
              when cn.yuqing.opinion.WorkOrder.Status.SENT then 0 when cn.yuqing.opinion.WorkOrder.Status.ACCEPTED then 1
              when cn.yuqing.opinion.WorkOrder.Status.RETURNED then 2 when cn.yuqing.opinion.WorkOrder.Status.DONE then 3 else 4 end,
              w.sentAt desc""")
    List<WorkOrder> findForUnits(Collection<Long> unitIds);

    /** Orders whose next clock step is due: a sign-for reminder or escalation, an arbitration overdue, a chase. */
    @Query("""
            select w.id from WorkOrder w where
              (w.status = cn.yuqing.opinion.WorkOrder.Status.SENT and
                 ((w.remindedAt is null and w.remindAt <= ?1) or (w.signForEscalatedAt is null and w.signForDue <= ?1)))
              or (w.status = cn.yuqing.opinion.WorkOrder.Status.RETURNED and w.arbitrationEscalatedAt is null and w.arbitrationDue <= ?1)
              or (w.status in (cn.yuqing.opinion.WorkOrder.Status.SENT, cn.yuqing.opinion.WorkOrder.Status.ACCEPTED) and
                 ((w.chaseLevel = 0 and w.dueAt <= ?1) or (w.chaseLevel = 1 and w.superviseAt <= ?1)))
            order by w.id""")
    List<Long> findClockStepsDue(java.time.Instant now);

    /** What the office must decide: 退单 awaiting arbitration and extension requests awaiting approval. */
    @Query("""
            select w from WorkOrder w where w.status = cn.yuqing.opinion.WorkOrder.Status.RETURNED or w.extensionUntil is not null
            order by w.answeredAt""")
    List<WorkOrder> findAwaitingDecision();
}

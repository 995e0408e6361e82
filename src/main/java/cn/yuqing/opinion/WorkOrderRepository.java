package cn.yuqing.opinion;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkOrderRepository extends JpaRepository<WorkOrder, Long> {

    @Query("select w from WorkOrder w where w.eventId = ?1 order by w.id")
    List<WorkOrder> findByEvent(Long eventId);

    @Query("select w from WorkOrder w where w.unitId in ?1 order by w.status, w.sentAt desc")
    List<WorkOrder> findForUnits(Collection<Long> unitIds);
}

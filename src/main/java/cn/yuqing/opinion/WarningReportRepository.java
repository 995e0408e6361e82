package cn.yuqing.opinion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WarningReportRepository extends JpaRepository<WarningReport, Long> {

    @Query("select r from WarningReport r where r.eventId = ?1 order by r.sentAt")
    List<WarningReport> findByEvent(Long eventId);

    @Query("select count(r) > 0 from WarningReport r where r.eventId = ?1 and r.kind = ?2")
    boolean sent(Long eventId, WarningReport.Kind kind);
}

package cn.yuqing.followup;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GuidanceRepository extends JpaRepository<Guidance, Long> {

    @Query("select g from Guidance g where g.eventId = ?1 order by g.givenAt, g.id")
    List<Guidance> findByEvent(Long eventId);
}

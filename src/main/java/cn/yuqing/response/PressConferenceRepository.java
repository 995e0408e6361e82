package cn.yuqing.response;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PressConferenceRepository extends JpaRepository<PressConference, Long> {

    @Query("select p from PressConference p where p.eventId = ?1 order by p.scheduledAt")
    List<PressConference> findByEvent(Long eventId);
}

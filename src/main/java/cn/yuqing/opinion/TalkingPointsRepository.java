package cn.yuqing.opinion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TalkingPointsRepository extends JpaRepository<TalkingPoints, Long> {

    @Query("select t from TalkingPoints t where t.eventId = ?1 order by t.version desc")
    List<TalkingPoints> findByEvent(Long eventId);
}

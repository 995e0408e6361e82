package cn.yuqing.citizen;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SurveyRepository extends JpaRepository<Survey, Long> {

    @Query("select s from Survey s where s.eventId = ?1 order by s.id desc")
    List<Survey> findByEvent(Long eventId);

    @Query("select count(s) from Survey s where s.orderId = ?1")
    int countByOrder(Long orderId);

    @Query("select count(s) from Survey s where s.orderId = ?1 and s.rating = cn.yuqing.citizen.Survey.Rating.UNSATISFIED")
    int countUnsatisfied(Long orderId);

    @Query("select s from Survey s where s.answeredAt >= ?1 and s.answeredAt < ?2")
    List<Survey> answeredBetween(Instant from, Instant to);
}

package cn.yuqing.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeadlineTimerRepository extends JpaRepository<DeadlineTimer, Long> {

    @Modifying
    @Query("delete from DeadlineTimer t where t.deadlineId = ?1")
    int deleteByDeadline(Long deadlineId);

    @Query("select count(t) from DeadlineTimer t where t.deadlineId = ?1")
    long countByDeadline(Long deadlineId);

    @Query("select t from DeadlineTimer t where t.attempts > 0 order by t.fireAt")
    List<DeadlineTimer> failing();
}

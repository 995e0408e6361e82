package cn.yuqing.deadline;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeadlineEntryRepository extends JpaRepository<DeadlineEntry, Long> {

    @Query("select e from DeadlineEntry e where e.deadlineId in ?1 order by e.at, e.id")
    List<DeadlineEntry> findByDeadlines(Collection<Long> deadlineIds);
}

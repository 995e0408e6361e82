package cn.yuqing.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DeadlineRepository extends JpaRepository<Deadline, Long> {

    /** Timers of one deadline firing on two nodes at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Deadline d where d.id = ?1")
    Optional<Deadline> findForUpdate(Long id);

    @Query("select d from Deadline d where d.eventId = ?1 order by d.startedAt, d.id")
    List<Deadline> findByEvent(Long eventId);

    @Query("select d from Deadline d where d.eventId = ?1 and d.status in ('RUNNING', 'MISSED') order by d.dueAt")
    List<Deadline> findOpen(Long eventId);

    @Query("select d from Deadline d where d.eventId in ?1 and d.status in ('RUNNING', 'MISSED') order by d.dueAt")
    List<Deadline> findOpen(Collection<Long> eventIds);

    @Query("select d from Deadline d where d.status in ('RUNNING', 'MISSED') and d.dueAt <= ?1 order by d.dueAt")
    List<Deadline> findOpenDueBefore(Instant before);

    @Query("select coalesce(max(d.sequence), 0) from Deadline d where d.eventId = ?1 and d.clock = ?2")
    int lastSequence(Long eventId, ClockKind clock);
}

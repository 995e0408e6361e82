package cn.yuqing.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    @Query("select d from CalendarDay d where d.day between ?1 and ?2 order by d.day")
    List<CalendarDay> findBetween(LocalDate from, LocalDate to);

    @Modifying
    @Query("delete from CalendarDay d where d.day between ?1 and ?2")
    void deleteBetween(LocalDate from, LocalDate to);
}

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {
}

interface ClockPolicyRepository extends JpaRepository<ClockPolicy, Long> {
}

interface ClockRuleRepository extends JpaRepository<ClockRule, Long> {
}

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

interface DeadlineEntryRepository extends JpaRepository<DeadlineEntry, Long> {

    @Query("select e from DeadlineEntry e where e.deadlineId in ?1 order by e.at, e.id")
    List<DeadlineEntry> findByDeadlines(Collection<Long> deadlineIds);
}

interface DeadlineTimerRepository extends JpaRepository<DeadlineTimer, Long> {

    @Modifying
    @Query("delete from DeadlineTimer t where t.deadlineId = ?1")
    int deleteByDeadline(Long deadlineId);

    @Query("select count(t) from DeadlineTimer t where t.deadlineId = ?1")
    long countByDeadline(Long deadlineId);

    @Query("select t from DeadlineTimer t where t.attempts > 0 order by t.fireAt")
    List<DeadlineTimer> failing();
}

package cn.yuqing.intake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PatrolRepository extends JpaRepository<PatrolRecord, Long> {

    @Query("select p from PatrolRecord p where p.workingDay = ?1 and p.channelId in ?2 order by p.patrolledAt")
    List<PatrolRecord> findOnDay(LocalDate day, Collection<Long> channelIds);

    @Query("select p from PatrolRecord p where p.workingDay >= ?1 and p.workingDay < ?2")
    List<PatrolRecord> findBetween(LocalDate from, LocalDate toExclusive);

    @Query("select p from PatrolRecord p where p.channelId = ?1 order by p.patrolledAt desc")
    List<PatrolRecord> findLatest(Long channelId, Pageable page);
}

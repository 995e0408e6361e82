package cn.yuqing.deadline;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    @Query("select d from CalendarDay d where d.day between ?1 and ?2 order by d.day")
    List<CalendarDay> findBetween(LocalDate from, LocalDate to);

    @Modifying
    @Query("delete from CalendarDay d where d.day between ?1 and ?2")
    void deleteBetween(LocalDate from, LocalDate to);
}

package cn.yuqing.analysis;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SchemeRepository extends JpaRepository<MonitoringScheme, Long> {

    @Query("select s from MonitoringScheme s where s.active = true")
    List<MonitoringScheme> findActive();
}

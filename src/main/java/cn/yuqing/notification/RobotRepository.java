package cn.yuqing.notification;

import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RobotRepository extends JpaRepository<GroupRobot, Long> {

    @Query("select r from GroupRobot r where r.active = true and r.unitId in ?1")
    List<GroupRobot> activeFor(Set<Long> unitIds);

    @Query("select r from GroupRobot r where r.active = true order by r.unitId, r.name")
    List<GroupRobot> allActive();
}

package cn.yuqing.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MeasureRepository extends JpaRepository<AccountabilityMeasure, Long> {

    @Query("select m from AccountabilityMeasure m where m.unitId in ?1 order by m.heldOn desc, m.id desc")
    List<AccountabilityMeasure> findByUnits(java.util.Collection<Long> unitIds);

    @Query("select m from AccountabilityMeasure m order by m.heldOn desc, m.id desc")
    List<AccountabilityMeasure> findAllNewestFirst();
}

package cn.yuqing.intake;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelRepository extends JpaRepository<Channel, Long> {

    @Query("select c from Channel c where c.unitId in ?1 order by c.unitId, c.name")
    List<Channel> findInUnits(Collection<Long> unitIds);

    @Query("select c from Channel c where c.active = true")
    List<Channel> findActive();
}

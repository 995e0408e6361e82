package cn.yuqing.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRepository extends JpaRepository<Unit, Long> {

    @Query("select u from Unit u where u.region.code = ?1 order by u.kind, u.name")
    List<Unit> findByRegion(String regionCode);

    @Query("select u from Unit u where u.region.code = ?1 and u.kind = ?2")
    List<Unit> findByRegionAndKind(String regionCode, UnitKind kind);

    @Query("select u from Unit u where u.superior.id = ?1")
    List<Unit> findBySuperior(Long superiorId);

    @Query("select count(u) > 0 from Unit u where u.region.code = ?1 and u.name = ?2 and (?3 is null or u.id <> ?3)")
    boolean nameTaken(String regionCode, String name, Long exceptId);
}

package cn.yuqing.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, String> {

    @Query("select r from Region r where r.parent.code = ?1 order by r.code")
    List<Region> findChildren(String parentCode);

    @Query("select r from Region r where r.parent is null order by r.code")
    List<Region> findRoots();

    @Query("select count(r) from Region r where r.parent.code = ?1")
    long countChildren(String parentCode);
}

package cn.yuqing.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    @Query("select p from Person p where p.unit.id in ?1 order by p.unit.id, p.fullName")
    List<Person> findInUnits(Collection<Long> unitIds);

    @Query("select p from Person p left join p.unit u order by u.id, p.fullName")
    List<Person> findAllOrdered();

    @Query("select count(p) > 0 from Person p join p.roles r where r = ?1")
    boolean existsWithRole(Role role);

    @Query("select distinct p from Person p join p.roles r where r = ?1 and p.enabled = true")
    List<Person> findWithRole(Role role);

    @Query("select distinct p from Person p left join fetch p.roles where p.enabled = true")
    List<Person> findEnabled();
}

interface MatterCategoryRepository extends JpaRepository<MatterCategory, String> {
}

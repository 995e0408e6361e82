package cn.yuqing.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    @Query("select p from Person p where p.title is not null and p.enabled = true")
    List<Person> findTitled();

    List<Person> findByUsernameIn(Collection<String> usernames);

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

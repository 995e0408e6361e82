package cn.yuqing.opinion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartyRepository extends JpaRepository<EventParty, EventParty.Key> {

    @Query("select p from EventParty p where p.eventId = ?1 order by p.role")
    List<EventParty> findByEvent(Long eventId);

    @Query("select p.unitId from EventParty p where p.eventId = ?1")
    List<Long> unitsOf(Long eventId);

    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from EventParty p where p.eventId = ?1")
    void deleteByEvent(Long eventId);
}

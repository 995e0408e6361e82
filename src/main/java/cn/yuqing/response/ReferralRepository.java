package cn.yuqing.response;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    @Query("select r from Referral r where r.eventId = ?1 order by r.referredAt")
    List<Referral> findByEvent(Long eventId);
}

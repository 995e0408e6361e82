package cn.yuqing.citizen;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CitizenReplyRepository extends JpaRepository<CitizenReply, Long> {

    @Query("select r from CitizenReply r where r.eventId = ?1 order by r.repliedAt desc, r.id desc")
    List<CitizenReply> findByEvent(Long eventId);
}

package cn.yuqing.notification;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.recipientId = ?1 order by case when n.readAt is null then 0 else 1 end, n.urgent desc, n.createdAt desc")
    List<Notification> inbox(Long recipientId, PageRequest page);

    @Query("select count(n) from Notification n where n.recipientId = ?1 and n.readAt is null")
    long unread(Long recipientId);
}

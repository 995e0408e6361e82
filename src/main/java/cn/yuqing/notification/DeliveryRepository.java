package cn.yuqing.notification;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    @Query("select d from Delivery d order by case when d.status = 'FAILED' then 0 when d.status = 'PENDING' then 1 else 2 end,"
            + " d.createdAt desc")
    List<Delivery> recent(PageRequest page);

    @Query("select count(d) from Delivery d where d.status = 'FAILED'")
    long failedCount();

    @org.springframework.data.jpa.repository.Query("select d from Delivery d where d.reference = ?1 order by d.id desc")
    List<Delivery> findByReference(String reference);
}

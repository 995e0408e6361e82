package cn.yuqing.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<ItemAttachment, Long> {

    @Query("select a from ItemAttachment a where a.itemId = ?1 order by a.id")
    List<ItemAttachment> findByItem(Long itemId);
}

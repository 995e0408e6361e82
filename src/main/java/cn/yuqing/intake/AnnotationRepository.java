package cn.yuqing.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnotationRepository extends JpaRepository<ItemAnnotation, Long> {

    @Query("select a from ItemAnnotation a where a.itemId = ?1 order by a.createdAt")
    List<ItemAnnotation> findByItem(Long itemId);
}

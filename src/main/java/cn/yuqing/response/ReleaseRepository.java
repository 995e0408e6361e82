package cn.yuqing.response;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReleaseRepository extends JpaRepository<Release, Long> {

    @Query("select r from Release r where r.eventId = ?1 order by r.createdAt, r.id")
    List<Release> findByEvent(Long eventId);

    @Query("select r from Release r where r.status = 'PUBLISHED' and r.kind in ?1 order by r.publishedAt desc, r.id desc")
    List<Release> findPublished(List<ReleaseKind> publicKinds, Pageable page);
}

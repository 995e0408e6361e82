package cn.yuqing.response;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReleaseAttachmentRepository extends JpaRepository<ReleaseAttachment, Long> {

    @Query("select a from ReleaseAttachment a where a.releaseId = ?1 order by a.id")
    List<ReleaseAttachment> findByRelease(Long releaseId);

    @Query("select a from ReleaseAttachment a where a.releaseId in ?1 order by a.id")
    List<ReleaseAttachment> findByReleases(java.util.Collection<Long> releaseIds);
}

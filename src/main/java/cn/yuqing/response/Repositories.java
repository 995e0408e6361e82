package cn.yuqing.response;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReleaseRepository extends JpaRepository<Release, Long> {

    @Query("select r from Release r where r.eventId = ?1 order by r.createdAt, r.id")
    List<Release> findByEvent(Long eventId);

    @Query("select r from Release r where r.status = 'PUBLISHED' and r.kind in ?1 order by r.publishedAt desc, r.id desc")
    List<Release> findPublished(List<ReleaseKind> publicKinds, Pageable page);
}

interface TemplateRepository extends JpaRepository<ReleaseTemplate, Long> {

    @Query("select t from ReleaseTemplate t where t.matterKind = ?2 and (t.kind = ?1 or t.kind = '*') order by case when t.kind = '*' then 1 else 0 end")
    List<ReleaseTemplate> findFor(String kind, String matterKind);

    @Query("select t from ReleaseTemplate t order by t.matterKind, t.kind")
    List<ReleaseTemplate> findAllOrdered();

    Optional<ReleaseTemplate> findByKindAndMatterKind(String kind, String matterKind);
}

interface ReferralRepository extends JpaRepository<Referral, Long> {

    @Query("select r from Referral r where r.eventId = ?1 order by r.referredAt")
    List<Referral> findByEvent(Long eventId);
}

interface PressConferenceRepository extends JpaRepository<PressConference, Long> {

    @Query("select p from PressConference p where p.eventId = ?1 order by p.scheduledAt")
    List<PressConference> findByEvent(Long eventId);
}

interface ReleaseAttachmentRepository extends JpaRepository<ReleaseAttachment, Long> {

    @Query("select a from ReleaseAttachment a where a.releaseId = ?1 order by a.id")
    List<ReleaseAttachment> findByRelease(Long releaseId);

    @Query("select a from ReleaseAttachment a where a.releaseId in ?1 order by a.id")
    List<ReleaseAttachment> findByReleases(java.util.Collection<Long> releaseIds);
}

package cn.yuqing.analysis;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ItemAnalysisRepository extends JpaRepository<ItemAnalysis, Long> {

    @Query("select a from ItemAnalysis a where a.candidateId = ?1 order by a.discoveredAt")
    List<ItemAnalysis> findByCandidate(Long candidateId);

    @Query("select a from ItemAnalysis a where a.candidateId = ?1 order by a.discoveredAt desc, a.itemId desc")
    List<ItemAnalysis> findNewest(Long candidateId, org.springframework.data.domain.Pageable page);

    long countByCandidateId(Long candidateId);

    /** The candidate's items whose author left a way back (a hotline caller, a letter), oldest first. */
    @Query("""
            select a.itemId from ItemAnalysis a, cn.yuqing.intake.OpinionItem i
            where i.id = a.itemId and a.candidateId = ?1 and i.contact is not null order by a.discoveredAt""")
    List<Long> findWithContact(Long candidateId, org.springframework.data.domain.Pageable page);

    /** Analysed items below {@code below}, the newest first. */
    @Query("select a.itemId from ItemAnalysis a where a.itemId < ?1 order by a.itemId desc")
    List<Long> findIdsBelow(Long below, org.springframework.data.domain.Pageable page);

    @Query("select a from ItemAnalysis a where a.itemId in ?1")
    List<ItemAnalysis> findByItems(Collection<Long> itemIds);
}

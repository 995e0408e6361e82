package cn.yuqing.response;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProofreadingOverrideRepository extends JpaRepository<ProofreadingOverride, Long> {

    List<ProofreadingOverride> findByReleaseId(Long releaseId);

    boolean existsByReleaseIdAndFinding(Long releaseId, String finding);
}

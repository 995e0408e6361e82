package cn.yuqing.analysis;

import org.springframework.data.jpa.repository.JpaRepository;

interface CandidateRepository extends JpaRepository<EventCandidate, Long> {
}

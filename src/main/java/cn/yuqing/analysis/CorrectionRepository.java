package cn.yuqing.analysis;

import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionRepository extends JpaRepository<SentimentCorrection, Long> {
}

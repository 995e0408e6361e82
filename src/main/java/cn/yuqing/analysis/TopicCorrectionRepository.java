package cn.yuqing.analysis;

import org.springframework.data.jpa.repository.JpaRepository;

interface TopicCorrectionRepository extends JpaRepository<TopicCorrection, Long> {
}

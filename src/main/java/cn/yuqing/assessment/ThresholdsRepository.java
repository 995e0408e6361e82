package cn.yuqing.assessment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ThresholdsRepository extends JpaRepository<Thresholds, String> {
}

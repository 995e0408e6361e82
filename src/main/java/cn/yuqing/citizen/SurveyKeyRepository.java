package cn.yuqing.citizen;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyKeyRepository extends JpaRepository<SurveyKey, Long> {
}

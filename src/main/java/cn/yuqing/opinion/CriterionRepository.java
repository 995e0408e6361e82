package cn.yuqing.opinion;

import org.springframework.data.jpa.repository.JpaRepository;

interface CriterionRepository extends JpaRepository<JudgementCriterion, String> {
}

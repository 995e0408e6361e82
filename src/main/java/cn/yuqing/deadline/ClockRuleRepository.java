package cn.yuqing.deadline;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClockRuleRepository extends JpaRepository<ClockRule, Long> {
}

package cn.yuqing.deadline;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClockPolicyRepository extends JpaRepository<ClockPolicy, Long> {
}

package cn.yuqing.opinion;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkOrderPolicyRepository extends JpaRepository<WorkOrderPolicy, Long> {

    default WorkOrderPolicy current() {
        return findById(WorkOrderPolicy.ONLY).orElseGet(WorkOrderPolicy::defaults);
    }
}

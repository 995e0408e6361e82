package cn.yuqing.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

interface MatterCategoryRepository extends JpaRepository<MatterCategory, String> {
}

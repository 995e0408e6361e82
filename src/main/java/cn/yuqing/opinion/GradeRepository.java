package cn.yuqing.opinion;

import org.springframework.data.jpa.repository.JpaRepository;

interface GradeRepository extends JpaRepository<Grade, String> {
}

package cn.yuqing.responsibility;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContextWordRepository extends JpaRepository<ContextWord, String> {
}

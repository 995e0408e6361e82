package cn.yuqing.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    @Query("select j from ImportJob j where j.status = ?1")
    List<ImportJob> findByStatus(ImportJob.Status status);
}

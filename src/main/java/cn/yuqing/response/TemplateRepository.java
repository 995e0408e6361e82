package cn.yuqing.response;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateRepository extends JpaRepository<ReleaseTemplate, Long> {

    @Query("select t from ReleaseTemplate t where t.matterKind = ?2 and (t.kind = ?1 or t.kind = '*') order by case when t.kind = '*' then 1 else 0 end")
    List<ReleaseTemplate> findFor(String kind, String matterKind);

    @Query("select t from ReleaseTemplate t order by t.matterKind, t.kind")
    List<ReleaseTemplate> findAllOrdered();

    Optional<ReleaseTemplate> findByKindAndMatterKind(String kind, String matterKind);
}

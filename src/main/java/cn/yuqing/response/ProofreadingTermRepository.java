package cn.yuqing.response;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProofreadingTermRepository extends JpaRepository<ProofreadingTerm, Long> {

    @Query("select t from ProofreadingTerm t order by t.kind, t.term")
    List<ProofreadingTerm> findAllOrdered();

    boolean existsByKindAndTerm(ProofreadingTerm.Kind kind, String term);
}

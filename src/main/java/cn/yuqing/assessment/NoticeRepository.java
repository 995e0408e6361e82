package cn.yuqing.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<Notice, Long> {

    @Query("select n from Notice n where n.regionCode = ?1 order by n.draftedAt desc, n.id desc")
    List<Notice> findByRegion(String regionCode);

    @Query("select n from Notice n order by n.draftedAt desc, n.id desc")
    List<Notice> findAllNewestFirst();
}

package cn.yuqing.analysis;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of analysis results, for pages and later modules (the opinion workflow shows them beside its decisions). */
@Service
@Transactional(readOnly = true)
public class ItemAnalyses {

    private final ItemAnalysisRepository analyses;

    ItemAnalyses(ItemAnalysisRepository analyses) {
        this.analyses = analyses;
    }

    public Optional<ItemAnalysis> find(Long itemId) {
        return analyses.findById(itemId);
    }
}

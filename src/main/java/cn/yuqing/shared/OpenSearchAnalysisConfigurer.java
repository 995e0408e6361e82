package cn.yuqing.shared;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The “chinese” analyzer on OpenSearch (distributed tier): overlapping character pairs (the
 * built-in CJK bigrams), which need no plugin on the cluster; full-width forms and case folded.
 * Recall is as good as smartcn's words on the Lucene tier, ranking a little coarser.
 */
public class OpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer("chinese").custom()
                .tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", "asciifolding", "cjk_bigram");
    }
}

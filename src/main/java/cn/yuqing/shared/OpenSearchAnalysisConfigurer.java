package cn.yuqing.shared;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The “chinese” analyzer on OpenSearch (distributed tier), built from what every OpenSearch has
 * (no plugin on the cluster): the standard tokenizer cuts Chinese into single characters, and a
 * search asks for all of them. Overlapping pairs (cjk_bigram) were tried first and lost
 * “菜市场积水” against “菜市场门口积水”: the pair 场积 is in the question, not in the text.
 * Smartcn's words on the Lucene tier rank more finely; both find the same items.
 */
public class OpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer("chinese").custom()
                .tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", "asciifolding");
    }
}

package cn.yuqing.shell;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;

/**
 * Every JSON call refuses a body that names a field twice ({@code {"reason": "A", "reason": "B"}}):
 * otherwise the last one would silently win, and what a client meant and what was stored could
 * differ without anyone seeing it (issue 18 asked it of the intake API; it holds for every call).
 */
@Configuration(proxyBeanMethods = false)
class JsonReading {

    @Bean
    JsonMapperBuilderCustomizer refuseDuplicateFields() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}

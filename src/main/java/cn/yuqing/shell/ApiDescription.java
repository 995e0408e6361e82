package cn.yuqing.shell;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI description served at {@code /api/openapi} (generated from the controllers). */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI yuqingApi() {
        return new OpenAPI().info(new Info().title("舆情回应平台 API").version("1")
                .description("依据 Q/HCGK YX4—2018。HTTP Basic 认证（采集接口用 X-Api-Key），权限与数据范围与页面相同。说明见 docs/api.md。"));
    }
}

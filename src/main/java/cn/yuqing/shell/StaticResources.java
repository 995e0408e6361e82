package cn.yuqing.shell;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Bootstrap, htmx and ECharts are linked by version-free WebJar paths, which the resource chain
 * resolves when the browser asks for them. Spring Boot would also rewrite every link of every page
 * through that chain; a link that is not a static file (all of {@code /events/…}) is then looked up
 * in each jar of the class path, uncached, under the jar's lock. Under load (50 people, the intake
 * running) pages took seconds, their threads queued on those locks. We version nothing by URL, so
 * the rewriting is switched off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noLinkRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}

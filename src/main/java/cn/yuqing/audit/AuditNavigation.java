package cn.yuqing.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationEntry.Menu auditMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ADMINISTRATION, "操作日志", "/audit", "audit:log:view", 80),
                new NavigationEntry(Stage.ADMINISTRATION, "防篡改校验", "/audit/verify", "audit:chain:verify", 90));
    }
}

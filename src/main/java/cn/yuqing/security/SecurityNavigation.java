package cn.yuqing.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

    @Bean
    NavigationEntry.Menu securityMenu() {
        return NavigationEntry.Menu.of(new NavigationEntry(Stage.ADMINISTRATION, "等保自查", "/security/self-check",
                SecurityPermissions.SELF_CHECK_VIEW, 97));
    }
}

package cn.yuqing.responsibility;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class ResponsibilityNavigation {

    @Bean
    NavigationEntry.Menu responsibilityMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ANALYSIS, "责任主体认定规则（3）", "/responsibility/rules", OpinionPermissions.EVENT_VIEW, 80));
    }
}

package cn.yuqing.reporting.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class ReportingNavigation {

    @Bean
    NavigationEntry.Menu reportingMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.FOLLOW_UP, "舆情态势", "/dashboard", OpinionPermissions.EVENT_VIEW, 5),
                new NavigationEntry(Stage.FOLLOW_UP, "舆情报告", "/reports", OpinionPermissions.EVENT_VIEW, 20));
    }
}

package cn.yuqing.deadline.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class DeadlineNavigation {

    @Bean
    NavigationEntry.Menu deadlineMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.RESPONSE, "时限看板", "/deadlines", OpinionPermissions.EVENT_VIEW, 5),
                new NavigationEntry(Stage.RESPONSE, "回应时限规则", "/deadlines/policies", OpinionPermissions.EVENT_VIEW, 30),
                new NavigationEntry(Stage.ADMINISTRATION, "工作日历", "/deadlines/calendar", OpinionPermissions.EVENT_VIEW, 40));
    }
}

package cn.yuqing.followup.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class FollowUpNavigation {

    @Bean
    NavigationEntry.Menu followUpMenu() {
        return NavigationEntry.Menu.of(new NavigationEntry(Stage.FOLLOW_UP, "跟进研判", "/follow-up", OpinionPermissions.EVENT_VIEW, 10));
    }
}

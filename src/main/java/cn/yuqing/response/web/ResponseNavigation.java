package cn.yuqing.response.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.opinion.OpinionPermissions;
import cn.yuqing.response.ResponsePermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class ResponseNavigation {

    @Bean
    NavigationEntry.Menu responseMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.RESPONSE, "回应模板", "/responses/templates", ResponsePermissions.RELEASE_DRAFT, 40),
                new NavigationEntry(Stage.RESPONSE, "校对名单", "/responses/proofreading", ResponsePermissions.RELEASE_DRAFT, 45),
                new NavigationEntry(Stage.RESPONSE, "回应关切（公开页）", "/public/responses", OpinionPermissions.EVENT_VIEW, 50));
    }
}

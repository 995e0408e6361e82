package cn.yuqing.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavigationEntry.Menu organisationMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ADMINISTRATION, "组织机构", "/organisation", OrganisationPermissions.DIRECTORY_VIEW, 10),
                new NavigationEntry(Stage.ADMINISTRATION, "人员与账户", "/organisation/people", OrganisationPermissions.PERSON_VIEW, 20));
    }
}

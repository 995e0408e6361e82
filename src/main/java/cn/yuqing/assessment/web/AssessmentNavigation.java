package cn.yuqing.assessment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.assessment.AssessmentPermissions;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    @Bean
    NavigationEntry.Menu assessmentMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ASSESSMENT, "考核记分", "/assessment/scorecards", AssessmentPermissions.SCORECARD_VIEW, 10),
                new NavigationEntry(Stage.ASSESSMENT, "通报", "/assessment/notices", AssessmentPermissions.SCORECARD_VIEW, 20),
                new NavigationEntry(Stage.ASSESSMENT, "约谈与追责", "/assessment/accountability", AssessmentPermissions.SCORECARD_VIEW, 30));
    }
}

package cn.yuqing.analysis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class AnalysisNavigation {

    @Bean
    NavigationEntry.Menu analysisMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ANALYSIS, "研判工作台（候选事件）", "/analysis/candidates", AnalysisPermissions.CANDIDATE_VIEW, 10),
                new NavigationEntry(Stage.ANALYSIS, "监测方案", "/analysis/schemes", AnalysisPermissions.SCHEME_VIEW, 20));
    }
}

package cn.yuqing.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.organisation.Role;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class IntakeNavigation {

    @Bean
    NavigationEntry patrolBoardEntry() {
        return new NavigationEntry(Stage.INTAKE, "今日巡查", "/intake/patrols", Role.Codes.PATROL_VIEW, 10);
    }

    @Bean
    NavigationEntry captureEntry() {
        return new NavigationEntry(Stage.INTAKE, "录入舆情信息", "/intake/capture", Role.Codes.ITEM_CAPTURE, 20);
    }

    @Bean
    NavigationEntry itemsEntry() {
        return new NavigationEntry(Stage.INTAKE, "舆情信息查询", "/intake/items", Role.Codes.ITEM_VIEW, 30);
    }

    @Bean
    NavigationEntry importEntry() {
        return new NavigationEntry(Stage.INTAKE, "文件导入", "/intake/imports/new", Role.Codes.IMPORT_RUN, 40);
    }

    @Bean
    NavigationEntry channelsEntry() {
        return new NavigationEntry(Stage.INTAKE, "渠道", "/intake/channels", Role.Codes.PATROL_VIEW, 50);
    }

    @Bean
    NavigationEntry sourcesEntry() {
        return new NavigationEntry(Stage.INTAKE, "采集来源状态", "/intake/sources", Role.Codes.SOURCE_VIEW, 60);
    }
}

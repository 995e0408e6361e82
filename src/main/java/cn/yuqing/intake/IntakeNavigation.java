package cn.yuqing.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class IntakeNavigation {

    @Bean
    NavigationEntry.Menu intakeMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.INTAKE, "今日巡查", "/intake/patrols", IntakePermissions.PATROL_VIEW, 10),
                new NavigationEntry(Stage.INTAKE, "录入舆情信息", "/intake/capture", IntakePermissions.ITEM_CAPTURE, 20),
                new NavigationEntry(Stage.INTAKE, "舆情信息查询", "/intake/items", IntakePermissions.ITEM_VIEW, 30),
                new NavigationEntry(Stage.INTAKE, "文件导入", "/intake/imports/new", IntakePermissions.IMPORT_RUN, 40),
                new NavigationEntry(Stage.INTAKE, "渠道", "/intake/channels", IntakePermissions.PATROL_VIEW, 50),
                new NavigationEntry(Stage.INTAKE, "采集来源状态", "/intake/sources", IntakePermissions.SOURCE_VIEW, 60));
    }
}

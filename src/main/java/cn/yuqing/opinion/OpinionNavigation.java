package cn.yuqing.opinion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class OpinionNavigation {

    @Bean
    NavigationEntry.Menu opinionMenu() {
        return NavigationEntry.Menu.of(
                new NavigationEntry(Stage.ANALYSIS, "舆情事件", "/events", OpinionPermissions.EVENT_VIEW, 5),
                new NavigationEntry(Stage.RESPONSE, "本单位任务单", "/work-orders", OpinionPermissions.ORDER_HANDLE, 10),
                new NavigationEntry(Stage.RESPONSE, "退单仲裁和延期审批", "/work-orders/decisions", OpinionPermissions.ORDER_ARBITRATE, 12),
                new NavigationEntry(Stage.RESPONSE, "催办和督办", "/work-orders/chases", OpinionPermissions.ORDER_ARBITRATE, 13),
                new NavigationEntry(Stage.ANALYSIS, "工作流程图（4.7）", "/workflow", OpinionPermissions.EVENT_VIEW, 90));
    }
}

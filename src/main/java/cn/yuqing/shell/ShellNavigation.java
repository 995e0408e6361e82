package cn.yuqing.shell;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.DemonstrationClock;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class ShellNavigation {

    /** The demonstration clock is offered only where it exists. */
    @Bean
    NavigationEntry.Menu shellMenu(Clock clock) {
        return clock instanceof DemonstrationClock
                ? NavigationEntry.Menu.of(new NavigationEntry(Stage.ADMINISTRATION, "演示时钟", "/admin/clock", ShellPermissions.CLOCK_MOVE, 90))
                : NavigationEntry.Menu.of();
    }
}

package cn.yuqing.shell;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of the demonstration clock and the metrics endpoint, and the roles that hold each. */
@Component
public class ShellPermissions implements ModulePermissions {

    public static final String CLOCK_MOVE = "system:clock:move";
    public static final String METRICS_VIEW = "system:metrics:view";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(CLOCK_MOVE, "调整演示时钟", Role.ADMINISTRATOR),
                Permission.of(METRICS_VIEW, "读取运行指标（监控系统用）", Role.ADMINISTRATOR));
    }
}

package cn.yuqing.notification;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of the record of what was sent to whom, and the roles that hold each. */
@Component
public class NotificationPermissions implements ModulePermissions {

    public static final String DELIVERY_VIEW = "notification:delivery:view";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(DELIVERY_VIEW, "查看通知送达记录", Role.ADMINISTRATOR));
    }
}

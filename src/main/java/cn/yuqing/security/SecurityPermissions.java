package cn.yuqing.security;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of the 等保 self-check, and the roles that hold each. */
@Component
public class SecurityPermissions implements ModulePermissions {

    public static final String SELF_CHECK_VIEW = "security:selfcheck:view";

    @Override
    public List<Permission> permissions() {
        return List.of(Permission.of(SELF_CHECK_VIEW, "查看等保自查", Role.SECURITY_ADMINISTRATOR));
    }
}

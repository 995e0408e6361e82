package cn.yuqing.responsibility;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of clause 3's routing rules, and the roles that hold each. */
@Component
public class ResponsibilityPermissions implements ModulePermissions {

    public static final String RULES_VIEW = "responsibility:rules:view";
    public static final String RULES_EDIT = "responsibility:rules:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.everyone(RULES_VIEW, "查看责任主体认定规则"),
                Permission.of(RULES_EDIT, "维护责任主体认定规则", Role.GOVERNMENT_OFFICE, Role.ADMINISTRATOR));
    }
}

package cn.yuqing.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of the clock policies and the working calendar, and the roles that hold each. */
@Component
public class DeadlinePermissions implements ModulePermissions {

    public static final String POLICY_EDIT = "deadline:policy:edit";
    public static final String CALENDAR_EDIT = "deadline:calendar:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(POLICY_EDIT, "维护回应时限规则", Role.GOVERNMENT_OFFICE, Role.ADMINISTRATOR),
                Permission.of(CALENDAR_EDIT, "维护工作日历", Role.GOVERNMENT_OFFICE, Role.ADMINISTRATOR));
    }
}

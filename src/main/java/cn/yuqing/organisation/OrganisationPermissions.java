package cn.yuqing.organisation;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

/** The permission codes of the directory of regions, units and people, and the roles that hold each. */
@Component
public class OrganisationPermissions implements ModulePermissions {

    public static final String DIRECTORY_VIEW = "organisation:directory:view";
    public static final String DIRECTORY_EDIT = "organisation:directory:edit";
    public static final String PERSON_VIEW = "organisation:person:view";
    public static final String PERSON_EDIT = "organisation:person:edit";
    /** Granting and withdrawing the three administrators' roles (三员分立). */
    public static final String ROLE_ASSIGN = "organisation:role:assign";

    @Override
    public List<Permission> permissions() {
        var everyRole = EnumSet.allOf(Role.class);
        return List.of(
                new Permission(DIRECTORY_VIEW, "查看组织机构", everyRole),
                Permission.of(DIRECTORY_EDIT, "维护组织机构", Role.ADMINISTRATOR),
                new Permission(PERSON_VIEW, "查看人员", everyRole),
                Permission.of(PERSON_EDIT, "维护人员与账户（业务角色）", Role.ADMINISTRATOR),
                Permission.of(ROLE_ASSIGN, "授予、收回管理员角色", Role.SECURITY_ADMINISTRATOR));
    }
}

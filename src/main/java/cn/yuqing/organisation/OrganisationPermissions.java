package cn.yuqing.organisation;

import java.util.List;

import org.springframework.stereotype.Component;

/** The permission codes of the directory of regions, units and people, and the roles that hold each. */
@Component
public class OrganisationPermissions implements ModulePermissions {

    public static final String DIRECTORY_VIEW = "organisation:directory:view";
    public static final String DIRECTORY_EDIT = "organisation:directory:edit";
    public static final String PERSON_VIEW = "organisation:person:view";
    public static final String PERSON_EDIT = "organisation:person:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.everyone(DIRECTORY_VIEW, "查看组织机构"),
                Permission.of(DIRECTORY_EDIT, "维护组织机构", Role.ADMINISTRATOR),
                Permission.everyone(PERSON_VIEW, "查看人员"),
                Permission.of(PERSON_EDIT, "维护人员与账户", Role.ADMINISTRATOR));
    }
}

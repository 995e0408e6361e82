package cn.yuqing.response;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of releases, their sign-off and templates (4.4), and the roles that hold each. */
@Component
public class ResponsePermissions implements ModulePermissions {

    public static final String RELEASE_DRAFT = "response:release:draft";
    public static final String RELEASE_REVIEW = "response:release:review";
    public static final String TEMPLATE_EDIT = "response:template:edit";
    public static final String PROOFREADING_EDIT = "response:proofreading:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(RELEASE_DRAFT, "起草回应", Role.ANALYST, Role.RESPONDER, Role.DEPARTMENT_HEAD,
                        Role.GOVERNMENT_OFFICE, Role.PUBLICITY),
                Permission.of(RELEASE_REVIEW, "审核签发回应", Role.DEPARTMENT_HEAD, Role.GOVERNMENT_OFFICE, Role.PUBLICITY,
                        Role.PRINCIPAL_LEADER),
                Permission.of(TEMPLATE_EDIT, "维护回应模板", Role.GOVERNMENT_OFFICE),
                Permission.of(PROOFREADING_EDIT, "维护校对名单（敏感词、已不在任人员、单位旧称）", Role.GOVERNMENT_OFFICE));
    }
}

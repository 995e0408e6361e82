package cn.yuqing.assessment;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of scorecards, notices and accountability (4.6), and the roles that hold each. */
@Component
public class AssessmentPermissions implements ModulePermissions {

    public static final String SCORECARD_VIEW = "assessment:scorecard:view";
    public static final String ASSESSMENT_EDIT = "assessment:notice:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(SCORECARD_VIEW, "查看考核记分", Role.DEPARTMENT_HEAD, Role.GOVERNMENT_OFFICE,
                        Role.PRINCIPAL_LEADER, Role.ASSESSOR),
                Permission.of(ASSESSMENT_EDIT, "编发通报与追责", Role.GOVERNMENT_OFFICE, Role.ASSESSOR));
    }
}

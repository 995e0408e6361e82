package cn.yuqing.followup;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of follow-up and leaders' guidance (4.5), and the roles that hold each. */
@Component
public class FollowUpPermissions implements ModulePermissions {

    public static final String GUIDANCE_RECORD = "followup:guidance:record";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(GUIDANCE_RECORD, "记录跟进研判与领导批示", Role.ANALYST, Role.DEPARTMENT_HEAD,
                        Role.GOVERNMENT_OFFICE, Role.PUBLICITY, Role.PRINCIPAL_LEADER));
    }
}

package cn.yuqing.citizen;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** Replying to citizens is the unit's; recording a phone 回访 is the government office's, so that nobody rates their own answer. */
@Component
class CitizenPermissions implements ModulePermissions {

    static final String REPLY = "citizen:reply:send";
    static final String SURVEY_RECORD = "citizen:survey:record";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(REPLY, "答复群众（短信、邮件、电话、当面）", Role.RESPONDER, Role.DEPARTMENT_HEAD),
                Permission.of(SURVEY_RECORD, "记录电话回访的满意度", Role.GOVERNMENT_OFFICE));
    }
}

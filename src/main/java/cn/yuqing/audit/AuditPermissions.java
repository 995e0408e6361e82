package cn.yuqing.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of the audit chain, and the roles that hold each. */
@Component
public class AuditPermissions implements ModulePermissions {

    public static final String AUDIT_VIEW = "audit:log:view";
    public static final String AUDIT_VERIFY = "audit:chain:verify";
    /** Hands a period over to an assessor: the audit administrator's alone (三员分立). */
    public static final String AUDIT_EXPORT = "audit:log:export";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(AUDIT_VIEW, "查看审计日志", Role.ASSESSOR, Role.AUDIT_ADMINISTRATOR),
                Permission.of(AUDIT_VERIFY, "校验审计链", Role.ASSESSOR, Role.AUDIT_ADMINISTRATOR),
                Permission.of(AUDIT_EXPORT, "导出审计记录供测评核验", Role.AUDIT_ADMINISTRATOR));
    }
}

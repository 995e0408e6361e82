package cn.yuqing.backup;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of backups and their restore, and the roles that hold each. */
@Component
public class BackupPermissions implements ModulePermissions {

    public static final String BACKUP_RUN = "system:backup:run";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(BACKUP_RUN, "备份与恢复", Role.ADMINISTRATOR));
    }
}

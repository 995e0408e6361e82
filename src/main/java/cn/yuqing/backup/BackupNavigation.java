package cn.yuqing.backup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

@Configuration(proxyBeanMethods = false)
class BackupNavigation {

    @Bean
    NavigationEntry.Menu backupMenu() {
        return NavigationEntry.Menu.of(new NavigationEntry(Stage.ADMINISTRATION, "数据备份", "/admin/backups",
                BackupPermissions.BACKUP_RUN, 95));
    }
}

package cn.yuqing.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the audit is kept and handed over (等保 2.0 level 3, GB/T 22239-2019 8.1.4.3 安全审计): how
 * long entries stay in the live table before they are archived, the digest of exported files, where
 * the chain's head is anchored and where archives go. The application refuses to start on a setting
 * the law does not allow.
 *
 * @param retention    how long entries stay in the live table; at least 180 days
 * @param exportDigest SM3 (default) or SHA-256, the digest closing an exported or archived file
 * @param anchorFile   the file the chain's head is appended to daily and at every backup
 * @param archiveDir   where archived entries are written; by default beside the backups, which the
 *                     operator already keeps on another disk
 * @param installation whose record a file holds, as its header names it (e.g. 潢川县人民政府办公室);
 *                     by default the regions at the top of the directory
 */
@ConfigurationProperties("yuqing.audit")
record AuditKeepingSettings(Duration retention, String exportDigest, Path anchorFile, Path archiveDir, String installation) {

    /** 《网络安全法》第二十一条: network logs are kept for no less than six months. */
    static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    AuditKeepingSettings {
        retention = retention == null ? MINIMUM_RETENTION : retention;
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("操作记录保存期限 yuqing.audit.retention 设为" + retention.toDays()
                    + "天，少于《网络安全法》第二十一条要求的六个月：请设为 180d 或更长，系统不以此设置启动");
        }
        exportDigest = exportDigest == null || exportDigest.isBlank() ? AuditFile.SM3 : exportDigest.strip().toUpperCase();
        if (!AuditFile.ALGORITHMS.contains(exportDigest)) {
            throw new IllegalArgumentException("导出文件的摘要算法 yuqing.audit.export-digest 只能是 SM3 或 SHA-256，不能是“"
                    + exportDigest + "”");
        }
        anchorFile = (anchorFile == null ? Path.of("data", "audit-anchors.txt") : anchorFile).toAbsolutePath().normalize();
        archiveDir = (archiveDir == null ? Path.of("data", "backups", "audit-archive") : archiveDir).toAbsolutePath().normalize();
        installation = installation == null ? "" : installation.strip();
    }

    long retentionDays() {
        return retention.toDays();
    }
}

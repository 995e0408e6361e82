package cn.yuqing.shared;

import java.time.Instant;

/**
 * A backup is about to be written. Published synchronously, outside any transaction, so that a module
 * keeping something outside the database brings it up to date for the backup to take along (the
 * audit appends its chain head to the anchor file), without the backup knowing the module.
 */
public record BackupStarting(Instant at) {
}

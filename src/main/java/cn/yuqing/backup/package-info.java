/**
 * Backups of the embedded tier, where a county's whole record lives on one disk: the database
 * (H2's online {@code BACKUP TO}, consistent while people work) and the attachments in one zip,
 * made every night and on demand, the oldest deleted beyond a number kept. Restoring is
 * {@code scripts/restore-backup}, then a start that rebuilds the search index. On PostgreSQL the
 * database's own tools do it (docs/deployment.md).
 *
 * <p>Glossary: Backup 备份.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.backup;

import org.springframework.modulith.ApplicationModule;

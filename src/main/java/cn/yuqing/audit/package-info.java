/**
 * The audit trail: every state-changing action (who, when, what, before and after, from which
 * request) in an append-only log whose entries are hash-chained, and its verification. Kept and
 * handed over as 等保 2.0 level 3 asks (GB/T 22239-2019, 安全审计): entries older than the retention
 * period are archived to files with the chain still verifiable, a period is exported as a file an
 * assessor checks offline ({@link cn.yuqing.audit.AuditExportCheck}), and the chain's head is anchored
 * outside the database daily and at every backup.
 *
 * <p>Glossary: AuditEntry 操作记录 · AuditTrail 操作日志（留痕） · ChainVerification 防篡改校验 ·
 * retention 保存期限 · AuditArchive 归档 · archive boundary 归档边界 · AuditExports 导出 ·
 * AuditExportCheck 离线核验 · Anchor 链尾锚点.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.audit;

import org.springframework.modulith.ApplicationModule;

/**
 * The audit trail: every state-changing action (who, when, what, before and after, from which
 * request) in an append-only log whose entries are hash-chained, and its verification.
 *
 * <p>Glossary: AuditEntry 操作记录 · AuditTrail 操作日志（留痕） · ChainVerification 防篡改校验.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.audit;

import org.springframework.modulith.ApplicationModule;

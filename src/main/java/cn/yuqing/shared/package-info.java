/**
 * Value types and small services every module uses: the injected clock, the refused-rule
 * exception that carries its clause, and the contract by which a change asks to be audited.
 *
 * <p>Glossary: DomainRuleViolation 违反规范条款 · AuditedChange 需留痕的操作.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.yuqing.shared;

import org.springframework.modulith.ApplicationModule;

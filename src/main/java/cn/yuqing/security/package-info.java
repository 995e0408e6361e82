/**
 * Readiness for a 等保 2.0 level-3 assessment (GB/T 22239-2019, 安全计算环境): the self-check page
 * the security administrator reads — each control the system implements, its setting now, and
 * what the operator must still do outside the system. The controls themselves live where they act
 * (accounts and roles in organisation, the audit in audit, encryption at rest in shared); this
 * module only reads them. docs/security.md maps each clause to its code and tests.
 *
 * <p>Glossary: 等保 graded protection of cybersecurity · 三员分立 separation of the three administrators ·
 * 自查 self-check.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.security;

import org.springframework.modulith.ApplicationModule;

/**
 * Who must respond, by clause 3 of the standard, as named policies applied in a fixed order:
 * several places (the competent department of the superior government leads, each place answers
 * for its own area), territorial (属地管理), by competence (谁主管谁负责, with a lead department when
 * several share a matter), vertical management (the superior department's office coordinates),
 * the principal leader for especially major events, and always the government office and the
 * publicity department of the level as coordinators. Every decision explains itself.
 *
 * <p>Glossary: RoutingDecision 责任主体认定 · ResponsibleParty 第一责任主体 · Coordinator 组织协调单位 ·
 * CoHandler 协办单位 · LeadDepartment 牵头部门 · PrincipalLeader 本级政府主要负责同志.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.responsibility;

import org.springframework.modulith.ApplicationModule;

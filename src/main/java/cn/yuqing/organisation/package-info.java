/**
 * The organisation directory that clause 3 routes by: the region tree (province → city → county →
 * township → village, by official division codes), the units of each level with their competence,
 * vertical management, the government office and the publicity department; people, their
 * accounts, roles, permission codes and data scope.
 *
 * <p>Glossary: Region 行政区划 · Unit 单位（政府、部门） · GovernmentOffice 本级政府办公室 ·
 * PublicityDepartment 宣传部门 · VerticallyManaged 垂直管理 · Superior 上级主管部门 ·
 * Competence 职责范围（谁主管谁负责） · MatterCategory 事项类别 · Person 人员 · Role 角色 ·
 * DataScope 数据范围.
 */
@ApplicationModule(allowedDependencies = "shared")
package cn.yuqing.organisation;

import org.springframework.modulith.ApplicationModule;

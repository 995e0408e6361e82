/**
 * The opinion event and its guarded lifecycle, clauses 3, 4.2 and 4.3: verification, warning
 * reports to leaders and superiors, judgement (key response by criteria a–e, grade, emergency),
 * the responsible party, the response plan with versioned talking points, and work orders to each
 * party. Every step is recorded with who, when and by which clause.
 *
 * <p>Glossary: OpinionEvent 政务舆情（事件） · Verification 核实 · Judgement 舆情判断 · KeyResponse 重点回应 ·
 * Grade 等级 · WarningReport 预警上报 · ResponsePlan 引导处置工作方案 · TalkingPoints 口径 · WorkOrder 工作任务单 ·
 * Party 涉事单位（责任主体、牵头、协办、协调）.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "intake", "analysis", "responsibility"})
package cn.yuqing.opinion;

import org.springframework.modulith.ApplicationModule;

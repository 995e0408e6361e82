/**
 * Analysis, clause 4.2 (研判): the machine reads what was collected so that analysts can decide.
 * Text features for every item (segmentation, keywords, summary, traditional → simplified),
 * places and units found by gazetteer, monitoring schemes, sentiment with its signals, near-
 * duplicates by MinHash, clustering into event candidates, heat and spikes, and suggestions —
 * each with the reasons it was made. Nothing here decides: the analyst does.
 *
 * <p>Glossary: Gazetteer 地名机构词典 · MonitoringScheme 监测方案 · Sentiment 情感倾向 ·
 * Signal 情绪信号（愤怒、焦虑恐慌） · EventCandidate 舆情事件候选 · Heat 热度 · Spike 突增 ·
 * Suggestion 研判建议（预警性/倾向性/苗头性、热点、重大） · Correction 人工更正.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "intake", "responsibility"})
package cn.yuqing.analysis;

import org.springframework.modulith.ApplicationModule;

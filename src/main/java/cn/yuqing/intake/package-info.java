/**
 * Intake, clause 4.1: online and offline channels, the items collected from them as evidence, the
 * daily patrol records, and every way an item arrives (capture forms, the JSON API, RSS/Atom feeds,
 * Excel/CSV imports, the public mailbox); the health of automatic sources; full-text search.
 *
 * <p>Glossary: Channel 渠道（线上平台、线下平台） · OpinionItem 舆情信息（线索） · PatrolRecord 收集记录 ·
 * IntakeSource 自动采集来源 · Annotation 更正批注 · Urgent report 及时上报 · Patrol board 巡查看板.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.intake;

import org.springframework.modulith.ApplicationModule;

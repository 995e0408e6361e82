/**
 * Follow-up, clause 4.5: open events are re-assessed over time — level, speed of spread read from
 * the analysis module's figures, expected consequences — and re-graded from there, which restarts
 * the clocks the new grade requires. Guidance asked of and given by superiors and the publicity
 * department, and experts' interpretations, are recorded beside the re-assessments.
 *
 * <p>Glossary: FollowUp 跟进研判 · Reassessment 研判复核 · Spread 传播速度 · Trend 走势 ·
 * ExpectedConsequences 预期后果 · Guidance 指导意见 · ExpertInterpretation 专家解读.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "opinion::port", "analysis", "response"})
package cn.yuqing.followup;

import org.springframework.modulith.ApplicationModule;

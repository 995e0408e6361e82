/**
 * Assessment, clause 4.6: units' response work counted in their performance assessment. Scorecards
 * per unit and period are computed from the record — never typed in — with rules that keep one
 * trivial case from topping a ranking (a minimum number of clocks, medians, weighting by grade);
 * periodic notices praising and criticising units, issued as Word documents and kept; interviews
 * and referrals to the supervisory organs, suggested when a unit's figures cross the thresholds an
 * assessor sets, and recorded only by a person.
 *
 * <p>Glossary: Scorecard 考核记分 · Period 考核期 · Notice 通报 · Praise 表扬 · Criticism 批评 ·
 * Interview 约谈 · SupervisoryReferral 移送监察机关 · Threshold 约谈提示线.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "intake", "opinion::port", "deadline", "response", "review",
        "citizen"})
package cn.yuqing.assessment;

import org.springframework.modulith.ApplicationModule;

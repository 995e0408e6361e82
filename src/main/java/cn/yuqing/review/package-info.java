/**
 * Review, clause 4.6: each event closes with its review — what happened, the timeline, each clock
 * met or missed, the effect of the response on what citizens said — drawn from the record of every
 * stage, so that no figure in it is typed in by hand.
 *
 * <p>Glossary: CaseReview 总结 · Timeline 时间线 · Effect 回应效果 · Waiver 不再办理的理由.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "opinion::port", "analysis", "deadline", "response", "followup"})
package cn.yuqing.review;

import org.springframework.modulith.ApplicationModule;

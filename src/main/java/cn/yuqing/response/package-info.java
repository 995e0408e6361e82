/**
 * Responses, clause 4.4: releases of every kind the standard names, drafted from templates and the
 * event's verified facts and talking points, checked against the talking points (clause 3.1.1, one
 * voice), reviewed and signed off by the right role for the grade, and published — which stops the
 * clocks they answer and puts them on the public response page and feeds. False claims with clues
 * of illegal acts are referred to the police or the internet regulator, on record.
 *
 * <p>Glossary: Release 回应（发布） · AuthoritativeStatement 权威信息发布 · PressConference 新闻发布会 ·
 * PressRelease 新闻通稿 · MediaInterview 接受媒体采访 · OfficialAccount 政务微博、微信 · PortalNotice 政府网站公告 ·
 * IndividualReply 个别答复 · Review 审核 · SignOff 签发 · Template 回应模板 · Referral 移交线索 ·
 * PublicResponses 回应关切.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "opinion::port"})
package cn.yuqing.response;

import org.springframework.modulith.ApplicationModule;

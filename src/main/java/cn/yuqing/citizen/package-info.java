/**
 * Closing the loop with the citizen (4.4 回应, the 12345 practice counties are scored on): the
 * answer sent back to the person who raised the matter — by SMS through the administrator's
 * gateway, by e-mail, or recorded as given by phone or in person — which completes the unit's work
 * order; then the satisfaction follow-up: a signed, expiring, one-use survey link (no sign-in) or a
 * phone 回访 recorded by the government office. 不满意 reopens the work (重办) with its own clock, a
 * second escalates to the government office; the satisfaction rate per unit enters the scorecards.
 * Contact details are personal data: shown in full only to the unit that must reply, masked
 * everywhere else, never on a public page nor in a log line.
 *
 * <p>Glossary: CitizenReply 回复/告知 · Survey 回访 · Rating 满意度（满意、基本满意、不满意） · Redo 重办 ·
 * Contact 联系方式.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "intake", "notification", "opinion::port"})
package cn.yuqing.citizen;

import org.springframework.modulith.ApplicationModule;

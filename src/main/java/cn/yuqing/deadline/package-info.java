/**
 * The clocks of clause 4.4: for especially major and major emergencies an authoritative statement
 * within 5 h and a press conference within 24 h, for other key responses a response within 48 h,
 * then continued releases. Clock policies per grade are data, counted in calendar or working
 * time (the working-day calendar with holidays and 调休 make-up days is data too); each event's
 * deadlines start when the government first knew, are re-computed on re-grade (the stricter clock
 * wins), stop when a release satisfies them, and remind and escalate through durable timers that
 * fire once on any number of nodes. A deadline's history is appended, never rewritten.
 *
 * <p>Glossary: Deadline 时限 · ClockPolicy 时限规则 · ClockKind: STATEMENT 权威信息发布（5小时）,
 * PRESS_CONFERENCE 新闻发布会（24小时）, RESPONSE 回应（48小时）, FOLLOW_UP 持续发布 ·
 * WorkingCalendar 工作日历 · 调休 make-up working day · Reminder 提醒 · Escalation 逐级督办 ·
 * Overdue 超时.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation", "opinion::port", "response"})
package cn.yuqing.deadline;

import org.springframework.modulith.ApplicationModule;

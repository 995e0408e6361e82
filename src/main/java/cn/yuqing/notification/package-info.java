/**
 * Telling people: in-app notices with unread counts, delivered from {@code NotificationRequested}
 * events that any module publishes. E-mail, group robots, preferences and quiet hours come with
 * the deadlines issue.
 *
 * <p>Glossary: Notification 通知（站内消息，不是第4.6条的“通报”） · Inbox 消息 · Urgent 紧急.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.notification;

import org.springframework.modulith.ApplicationModule;

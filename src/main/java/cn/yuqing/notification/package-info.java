/**
 * Telling people, from {@code NotificationRequested} events that any module publishes: in-app
 * notices with unread counts; e-mail (Spring Mail) and group robots in the WeCom and DingTalk
 * formats, queued in the same transaction and sent with retries; per-person preferences and quiet
 * hours, which urgent notices (escalations of major events among them) ignore.
 *
 * <p>Glossary: Notification 通知（站内消息，不是第4.6条的“通报”） · Inbox 消息 · Urgent 紧急 ·
 * Delivery 投递 · GroupRobot 群机器人（企业微信、钉钉） · QuietHours 免打扰时段.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.notification;

import org.springframework.modulith.ApplicationModule;

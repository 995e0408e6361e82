package cn.yuqing.assessment;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** A notice drafted, revised or issued; an interview or referral recorded: audited. */
record AssessmentChanged(String action, String subject, Map<String, ?> after) implements AuditedChange {
}

package cn.yuqing.followup;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** A re-assessment or a guidance record: audited. */
record FollowUpChanged(String action, String subject, Map<String, ?> after) implements AuditedChange {

    static FollowUpChanged of(String what, Long eventId, Map<String, ?> after) {
        return new FollowUpChanged("followup:" + what, "event/" + eventId, after);
    }
}

package cn.yuqing.response;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** A release was drafted, revised, reviewed, signed off or published; a referral was made: audited. */
record ReleaseChanged(String what, Long eventId, Long releaseId, Map<String, ?> after) implements AuditedChange {

    @Override
    public String action() {
        return "response:release:" + what;
    }

    @Override
    public String subject() {
        return "event/" + eventId + (releaseId == null ? "" : "/release/" + releaseId);
    }
}

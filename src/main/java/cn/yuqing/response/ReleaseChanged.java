package cn.yuqing.response;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** A release drafted, revised, reviewed, signed off or published; a referral, a press conference, a template: audited. */
record ReleaseChanged(String action, String subject, Map<String, ?> after) implements AuditedChange {

    static ReleaseChanged ofEvent(String what, Long eventId, Long releaseId, Map<String, ?> after) {
        return new ReleaseChanged("response:release:" + what, "event/" + eventId + (releaseId == null ? "" : "/release/" + releaseId),
                after);
    }

    static ReleaseChanged ofTemplate(Long templateId, Map<String, ?> after) {
        return new ReleaseChanged("response:template:update", "release-template/" + templateId, after);
    }
}

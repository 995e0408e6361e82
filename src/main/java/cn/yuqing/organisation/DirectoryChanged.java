package cn.yuqing.organisation;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** A region, unit or person was created or changed. */
public record DirectoryChanged(String action, String subject, Map<String, ?> before, Map<String, ?> after)
        implements AuditedChange {

    static DirectoryChanged of(String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        return new DirectoryChanged(action, subject, before == null ? Map.of() : before, after == null ? Map.of() : after);
    }
}

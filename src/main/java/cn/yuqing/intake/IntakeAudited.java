package cn.yuqing.intake;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** An intake action the audit trail records (captures, patrols, flags, annotations, settings, batches). */
record IntakeAudited(String action, String subject, Map<String, ?> before, Map<String, ?> after) implements AuditedChange {

    static IntakeAudited of(String action, String subject, Map<String, ?> after) {
        return new IntakeAudited(action, subject, Map.of(), after);
    }
}

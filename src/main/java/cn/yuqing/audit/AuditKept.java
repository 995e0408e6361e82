package cn.yuqing.audit;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** The audit's own keeping recorded in the chain: a period exported, or entries archived. */
record AuditKept(String action, String subject, Map<String, ?> after) implements AuditedChange {

    static final String EXPORTED = "audit:log:export";
    static final String ARCHIVED = "audit:log:archive";
}

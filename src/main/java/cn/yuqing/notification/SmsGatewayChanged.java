package cn.yuqing.notification;

import java.util.Map;

import cn.yuqing.shared.AuditedChange;

/** The administrator set or switched the SMS gateway: audited with where it points, never with its secret. */
record SmsGatewayChanged(String host, String account, String signature, boolean active) implements AuditedChange {

    @Override
    public String action() {
        return "notification:sms-gateway:change";
    }

    @Override
    public String subject() {
        return "sms-gateway";
    }

    @Override
    public Map<String, ?> after() {
        return Map.of("host", host == null ? "" : host, "account", account == null ? "" : account,
                "signature", signature == null ? "" : signature, "active", active);
    }
}

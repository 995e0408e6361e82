package cn.yuqing.intake;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import cn.yuqing.shared.DomainRuleViolation;

/** Reads one item of the intake API, with a Chinese reason for each wrong field. */
final class ApiItems {

    private static final Set<String> FIELDS = Set.of("externalId", "url", "title", "text", "author", "publishedAt",
            "reposts", "comments", "likes", "views", "urgent", "urgentReason", "replyTo");

    private ApiItems() {
    }

    static ItemSubmission read(JsonNode node, Long channelId) {
        if (node == null || !node.isObject()) {
            throw new DomainRuleViolation("每条信息应为JSON对象");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new DomainRuleViolation("未知字段：" + (name.length() > 40 ? name.substring(0, 40) : name));
            }
        }
        String externalId = node.has("externalId") && node.get("externalId").isNumber()
                ? node.get("externalId").asString() : text(node, "externalId");
        return new ItemSubmission(channelId, externalId, text(node, "url"), text(node, "title"), text(node, "text"),
                text(node, "author"), TimeParsing.parse(text(node, "publishedAt")), count(node, "reposts"),
                count(node, "comments"), count(node, "likes"), count(node, "views"), bool(node, "urgent"),
                text(node, "urgentReason"), List.of(), node.has("replyTo") && node.get("replyTo").isNumber()
                        ? node.get("replyTo").asString() : text(node, "replyTo"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new DomainRuleViolation("字段 " + field + " 应为字符串");
        }
        return v.asString();
    }

    private static Long count(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new DomainRuleViolation("字段 " + field + " 应为整数");
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new DomainRuleViolation("字段 " + field + " 应为 true 或 false");
        }
        return v.asBoolean();
    }
}

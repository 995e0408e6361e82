package cn.yuqing.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * {@code POST /api/intake/items}: one item object, or {@code {"items": [...]}} with up to 1,000.
 * Each item gets its own result (created / duplicate / rejected with the reason); a bad item never
 * blocks the good ones. Malformed JSON, a missing key or an oversized body is refused whole.
 */
@RestController
class IntakeApiController {

    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Two fields of one name in one object are refused, not settled silently by the last one winning. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final ItemIntake intake;
    private final Sources sources;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    IntakeApiController(ItemIntake intake, Sources sources, ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager txManager) {
        this.intake = intake;
        this.sources = sources;
        this.events = events;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
    }

    record ItemResult(int index, String status, Long itemId, String reason) {
    }

    record BatchResponse(int received, long created, long duplicates, long rejected, List<ItemResult> results) {
    }

    @PostMapping(value = "/api/intake/items")
    @PreAuthorize("hasAuthority('intake:api:submit')")
    ResponseEntity<?> submit(HttpServletRequest request, @AuthenticationPrincipal IntakeSource source) throws IOException {
        if (request.getContentType() == null || !request.getContentType().toLowerCase().startsWith("application/json")) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 提交");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "请求内容超过16MB，请分批提交");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "请求内容超过16MB，请分批提交");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()).startsWith("Duplicate")
                    ? "请求内容中同一条信息有重复的字段（" + duplicateName(e.getMessage()) + "），请只保留一个"
                    : "请求内容不是有效的JSON（须为UTF-8编码）");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isObject() && root.has("items")) {
            if (!root.get("items").isArray()) {
                return problem(HttpStatus.BAD_REQUEST, "items 应为数组");
            }
            root.get("items").forEach(nodes::add);
        } else if (root != null && root.isObject()) {
            nodes.add(root);
        } else {
            return problem(HttpStatus.BAD_REQUEST, "请求内容应为一条信息（对象）或 {\"items\": [...]}");
        }
        if (nodes.isEmpty()) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "items 为空");
        }
        if (nodes.size() > ItemIntake.MAX_BATCH) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "每批最多" + ItemIntake.MAX_BATCH + "条，本批" + nodes.size() + "条");
        }

        List<ItemResult> results = new ArrayList<>();
        List<ItemSubmission> submissions = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                submissions.add(ApiItems.read(nodes.get(i), source.channelId()));
                positions.add(i);
            } catch (DomainRuleViolation e) {
                results.add(new ItemResult(i, "rejected", null, e.describe()));
            }
        }
        try {
            for (IntakeResult r : intake.receive(submissions, Provenance.source(source))) {
                int index = positions.get(r.index());
                results.add(new ItemResult(index, r.status().json(), r.itemId(), r.reason()));
            }
        } catch (RuntimeException e) {
            sources.failed(source.id(), "接口批次入库失败：" + e.getClass().getSimpleName());
            throw e;
        }
        results.sort(java.util.Comparator.comparingInt(ItemResult::index));
        long created = results.stream().filter(r -> r.status().equals("created")).count();
        long duplicates = results.stream().filter(r -> r.status().equals("duplicate")).count();
        sources.delivered(source.id(), (int) created);
        tx.executeWithoutResult(s -> events.publishEvent(IntakeAudited.of("intake:item:receive", "source/" + source.id(),
                Map.of("received", nodes.size(), "created", created, "duplicates", duplicates))));
        return ResponseEntity.ok(new BatchResponse(nodes.size(), created, duplicates, nodes.size() - created - duplicates,
                results));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(cn.yuqing.shared.Problems.of(status, message));
    }

    /** The field Jackson names in its message ("Duplicate Object property \"title\""), or a plain word. */
    private static String duplicateName(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\"']([^\"']{1,40})[\"']").matcher(message);
        return m.find() ? m.group(1) : "同名字段";
    }
}

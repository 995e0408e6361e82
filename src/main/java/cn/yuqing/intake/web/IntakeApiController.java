package cn.yuqing.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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

import cn.yuqing.intake.ApiBatches;
import cn.yuqing.intake.IntakeSource;
import cn.yuqing.intake.ItemIntake;

/**
 * {@code POST /api/intake/items}: one item object, or {@code {"items": [...]}} with up to 1,000,
 * handed to {@link ApiBatches}. What is refused whole is refused here: a body that is not JSON, has
 * two fields of one name in one object, is too large, or holds too many items.
 */
@RestController
class IntakeApiController {

    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Two fields of one name in one object are refused, not settled silently by the last one winning. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final ApiBatches batches;

    IntakeApiController(ApiBatches batches) {
        this.batches = batches;
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

        return ResponseEntity.ok(batches.receive(nodes, source));
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

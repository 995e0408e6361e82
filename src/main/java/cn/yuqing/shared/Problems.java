package cn.yuqing.shared;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A refusal of the JSON API as a problem detail (RFC 9457) in Chinese, title and detail alike: a
 * county's systems and their staff read these, and "Bad Request" tells them nothing.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status.value()));
        return problem;
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "无权进行此操作";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方式";
            case 409 -> "内容已被他人修改";
            case 413 -> "请求内容过大";
            case 415 -> "内容格式不支持";
            case 422 -> "无法受理";
            case 429 -> "请求过于频繁";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器内部错误" : "请求被拒绝";
        };
    }
}

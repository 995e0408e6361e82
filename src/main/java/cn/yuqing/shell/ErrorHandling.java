package cn.yuqing.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/**
 * Refusals a person can act on: a Chinese message and a 4xx, as a page or (under {@code /api/})
 * as JSON. Forms catch their own rule violations to show them beside the fields; what reaches
 * here is the rest. Nothing here shows a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

    private final Navigation navigation;

    ErrorHandling(Navigation navigation) {
        this.navigation = navigation;
    }

    @ExceptionHandler(NotFound.class)
    Object notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
        return refuse(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noPage(HttpServletRequest request) {
        return refuse(HttpStatus.NOT_FOUND, "页面不存在", request);
    }

    @ExceptionHandler(DomainRuleViolation.class)
    Object rule(DomainRuleViolation e, HttpServletRequest request) {
        return refuse(HttpStatus.UNPROCESSABLE_CONTENT, e.describe(), request);
    }

    /** Two people changed the same record at once: the second is told, nothing is overwritten. */
    @ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
    Object conflict(HttpServletRequest request) {
        return refuse(HttpStatus.CONFLICT, "该记录刚被他人修改，请刷新后查看最新内容再操作", request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    Object badParameter(HttpServletRequest request) {
        return refuse(HttpStatus.BAD_REQUEST, "请求参数不正确", request);
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]{1,40})\"");

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getMessage()));
        return refuse(HttpStatus.BAD_REQUEST, duplicate.find() ? "请求内容中字段“" + duplicate.group(1) + "”出现了不止一次，请只写一次"
                : "请求内容格式不正确，无法解析", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpServletRequest request) {
        return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpServletRequest request) {
        return refuse(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方式", request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return refuse(HttpStatus.CONTENT_TOO_LARGE, "上传的文件过大", request);
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(HttpServletRequest request) {
        return refuse(HttpStatus.BAD_REQUEST, "上传的内容不完整或格式不正确", request);
    }

    Object refuse(HttpStatus status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(cn.yuqing.shared.Problems.of(status, message));
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        // an exception handler gets no @ModelAttribute of the advice: the menu is added here, so an error page leads on
        Accounts.current().ifPresent(me -> {
            page.addObject("me", me);
            page.addObject("navigation", navigation.visibleTo(me));
        });
        return page;
    }
}

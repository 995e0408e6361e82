package cn.yuqing.shell;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What reaches the error page without passing a controller (a multipart body the container cannot
 * parse, a request refused by a filter) is answered as JSON to a client that asked for JSON: with
 * a Chinese {@code detail}, as our own refusals are, never only Spring's English "Bad Request".
 */
@Component
class ErrorDetails extends DefaultErrorAttributes {

    private final MessageSource messages;

    ErrorDetails(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        String fallback = messages.getMessage("error.500", null, Locale.SIMPLIFIED_CHINESE);
        attributes.put("detail", messages.getMessage("error." + status, null, fallback, Locale.SIMPLIFIED_CHINESE));
        return attributes;
    }
}

package cn.yuqing.shell;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the container refuses before the application sees the request (a header of 20 KB, a
 * request line it cannot parse) is answered in the same Chinese problem form as the rest of the
 * API, not with the container's English HTML page.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ChineseErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's own error page, replaced. Public: the container creates it by its class name. */
    public static class ChineseErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = switch (status) {
                case 400 -> "请求格式不正确或请求头过大，服务器无法处理";
                case 413 -> "请求内容过大";
                case 414 -> "网址过长";
                case 431 -> "请求头过大";
                case 503 -> "服务暂不可用，请稍后再试";
                default -> status >= 500 ? "服务器内部错误，请稍后再试" : "请求无法处理";
            };
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"status\":" + status + ",\"title\":\"" + cn.yuqing.shared.Problems.title(status)
                            + "\",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client has gone: nothing to tell
            }
        }
    }
}

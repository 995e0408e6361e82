package cn.yuqing.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, as far as HTTP goes: keeps the session cookie (sent to every node, as a
 * browser behind a load balancer would) and answers each form with its CSRF token.
 */
public final class Visitor {

    /** Where a visitor goes: a test server or an application node of its own. */
    public interface Server {
        URI url(String path);
    }


    private static final String HTML = "text/html,application/xhtml+xml";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The session, for a client that reads bytes rather than pages. */
    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(Server node, String path) {
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", HTML).GET().build());
    }

    /** What a page's script fetches: JSON, with the session. */
    public HttpResponse<String> getJson(Server node, String path) {
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", "application/json").GET().build());
    }

    /** The form token (CSRF) of the page, as the browser would send it with the form. */
    public String formToken(Server node, String formPage) {
        Matcher m = CSRF.matcher(get(node, formPage).body());
        if (!m.find()) {
            throw new IllegalStateException("no form token on " + formPage);
        }
        return m.group(1);
    }

    /** Reads the form's token from {@code formPage}, then posts the fields to {@code path}. */
    public HttpResponse<String> post(Server node, String formPage, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", formToken(node, formPage));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A file as a form sends it. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    /**
     * Posts a form with files ({@code multipart/form-data}) as a browser does: quotes and line breaks
     * in a file name are percent-encoded, everything else in it is sent as it is.
     */
    public HttpResponse<String> upload(Server node, String formPage, String path, Map<String, String> fields, List<Upload> files) {
        String boundary = "----yuqing" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", formToken(node, formPage));
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Upload f : files) {
            String name = f.fileName().replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
                    + name + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", HTML)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Visitor signIn(Server node, String username, String password) {
        HttpResponse<String> r = post(node, "/login", "/login", Map.of("username", username, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode() + " " + location);
        }
        return this;
    }

    public static HttpResponse<String> api(URI uri, String username, String password, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        b = body == null ? b.GET() : b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(HttpClient.newHttpClient(), b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package cn.yuqing.distributed;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, as far as HTTP goes: keeps the session cookie (sent to every node, as a
 * browser behind a load balancer would) and answers each form with its CSRF token.
 */
final class Visitor {

    private static final String HTML = "text/html,application/xhtml+xml";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The session, for a client that reads bytes rather than pages. */
    CookieManager cookies() {
        return cookies;
    }

    HttpResponse<String> get(ApplicationNode node, String path) {
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", HTML).GET().build());
    }

    /** Reads the form's token from {@code formPage}, then posts the fields to {@code path}. */
    HttpResponse<String> post(ApplicationNode node, String formPage, String path, Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(node, formPage).body());
        if (!m.find()) {
            throw new IllegalStateException("no form token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(node.url(path)).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Visitor signIn(ApplicationNode node, String username, String password) {
        HttpResponse<String> r = post(node, "/login", "/login", Map.of("username", username, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode() + " " + location);
        }
        return this;
    }

    static HttpResponse<String> api(URI uri, String username, String password, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        b = body == null ? b.GET() : b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(HttpClient.newHttpClient(), b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
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

package cn.yuqing.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.yuqing.shared.Hashes;

/**
 * One URL, one item: the key ignores what does not change the page (scheme and host case, the
 * fragment, a trailing slash, tracking parameters, parameter order).
 */
final class UrlKeys {

    private UrlKeys() {
    }

    static String normalise(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_")
                            && !p.toLowerCase(Locale.ROOT).startsWith("spm="))
                    .sorted().collect(Collectors.joining("&"));
            // http and https serve the same government page
            return host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    static String keyOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return sha256(normalise(url));
    }

    static String sha256(String text) {
        return Hashes.sha256(text);
    }
}

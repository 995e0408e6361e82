package cn.yuqing.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP SMS gateway on the loopback interface, as the common Chinese gateways behave: it takes the
 * form POST, checks the signature with the account's secret (computed here on its own, not by the
 * code under test), keeps every message in its log and answers {@code {"code":0}} — or what a test
 * tells it to, to play a refusing gateway.
 */
public final class LoopbackSmsGateway implements AutoCloseable {

    public record Message(String account, String mobile, String content, long timestamp, boolean signatureValid) {

        private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/public/survey/[A-Za-z0-9._\\-]+)");

        /** The survey link's path in the message (the host is the configured public address), if any. */
        public String surveyPath() {
            Matcher m = LINK.matcher(content);
            return m.find() ? m.group(1) : null;
        }
    }

    public static final String ACCOUNT = "hcxzf";
    public static final String SECRET = "loopback-secret-不外传";

    private final HttpServer server;
    private final List<Message> log = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"code\":0,\"msg\":\"提交成功\"}";

    private LoopbackSmsGateway(HttpServer server) {
        this.server = server;
    }

    public static LoopbackSmsGateway start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackSmsGateway gateway = new LoopbackSmsGateway(server);
        server.createContext("/sms/send", exchange -> {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            long timestamp = Long.parseLong(form.getOrDefault("timestamp", "0"));
            String expected = sign(form.get("account"), form.get("mobile"), timestamp, form.get("content"));
            gateway.log.add(new Message(form.get("account"), form.get("mobile"), form.get("content"), timestamp,
                    expected.equals(form.get("sign")) && exchange.getRequestURI().getQuery() == null));
            byte[] body = gateway.answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return gateway;
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String sign(String account, String mobile, long timestamp, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((account + mobile + timestamp + content).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    public List<Message> log() {
        return List.copyOf(log);
    }

    public Message last() {
        return log.get(log.size() - 1);
    }

    /** From now on the gateway answers this (e.g. a refusal code). */
    public void answer(String json) {
        this.answer = json;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

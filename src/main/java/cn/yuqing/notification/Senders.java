package cn.yuqing.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends one delivery by its channel; throws with a readable reason when the other side refuses.
 * Group messages are plain text, never markdown: the titles come from the internet and must not
 * turn into links or formatting in a government group chat.
 */
@Component
class Senders {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;
    private final RestClient http;
    private final Clock clock;

    Senders(ObjectProvider<JavaMailSender> mail, NotificationSettings settings, Clock clock) {
        this.mail = mail;
        this.settings = settings;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(timeouts).build();
        this.clock = clock;
    }

    boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    void send(Delivery d, GroupRobot robot, SmsGateway gateway) {
        switch (d.channel()) {
            case EMAIL -> email(d);
            case WECOM, DINGTALK -> robot(d, robot);
            case SMS -> sms(d, gateway);
        }
    }

    /**
     * A form POST, as the common gateways take it: account, mobile, content (the signature first),
     * timestamp and sign. Anything but a 2xx answer, or a JSON answer whose {@code code} is not
     * zero, is a refusal. The mobile number goes in the body, never in the URL, so no access log
     * or error message carries it.
     */
    private void sms(Delivery d, SmsGateway gateway) {
        if (gateway == null || !gateway.active()) {
            throw new IllegalStateException("短信网关未配置或已停用");
        }
        long timestamp = clock.millis();
        String content = gateway.signature() + d.body();
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("account", gateway.account());
        form.add("mobile", d.target());
        form.add("content", content);
        form.add("timestamp", String.valueOf(timestamp));
        form.add("sign", smsSign(gateway.secret(), gateway.account(), d.target(), timestamp, content));
        String answer;
        try {
            answer = http.post().uri(java.net.URI.create(gateway.url())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(String.class);
        } catch (org.springframework.web.client.RestClientResponseException refused) {
            throw new IllegalStateException("短信网关拒收：HTTP " + refused.getStatusCode().value());
        } catch (org.springframework.web.client.ResourceAccessException unreachable) {
            throw new IllegalStateException("短信网关无法连接");
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"?(-?\\w+)\"?").matcher(answer == null ? "" : answer);
        if (code.find() && !code.group(1).matches("0+|success|ok|OK")) {
            throw new IllegalStateException("短信网关拒收：code " + code.group(1));
        }
    }

    /** Hex HmacSHA256(secret, account + mobile + timestamp + content): the gateway recomputes it to trust the call. */
    static String smsSign(String secret, String account, String mobile, long timestamp, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((account + mobile + timestamp + content).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void email(Delivery d) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("未配置邮件服务器（spring.mail.host）");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(d.target());
        message.setSubject("【舆情回应平台】" + d.subject());
        message.setText(d.body());
        sender.send(message);
    }

    private void robot(Delivery d, GroupRobot robot) {
        if (robot == null || !robot.active()) {
            throw new IllegalStateException("群机器人已停用");
        }
        String url = robot.webhookUrl();
        if (robot.kind() == GroupRobot.Kind.DINGTALK && robot.secret() != null) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + dingTalkSign(timestamp, robot.secret());
        }
        // WeCom and DingTalk take the same plain-text message shape
        Map<String, Object> message = Map.of("msgtype", "text", "text", Map.of("content",
                "【舆情回应平台】" + d.subject() + "\n" + d.body()));
        Map<?, ?> answer = http.post().uri(java.net.URI.create(url)).contentType(MediaType.APPLICATION_JSON).body(message)
                .retrieve().body(Map.class);
        Object code = answer == null ? null : answer.get("errcode");
        if (!(code instanceof Number n) || n.intValue() != 0) {
            throw new IllegalStateException("群机器人拒收：" + (answer == null ? "无应答" : answer.get("errcode") + " " + answer.get("errmsg")));
        }
    }

    /** DingTalk's 加签: Base64(HmacSHA256(secret, timestamp + “\n” + secret)), URL-encoded. */
    static String dingTalkSign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sign = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

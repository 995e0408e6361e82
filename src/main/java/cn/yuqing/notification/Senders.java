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

    void send(Delivery d, GroupRobot robot) {
        switch (d.channel()) {
            case EMAIL -> email(d);
            case WECOM, DINGTALK -> robot(d, robot);
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

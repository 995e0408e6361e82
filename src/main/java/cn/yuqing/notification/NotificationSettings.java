package cn.yuqing.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mailFrom  the sender address of e-mail notices (e-mail is sent only where Spring Mail is configured)
 * @param publicUrl where people reach the system, for the links in e-mails and group messages
 * @param batchSize deliveries sent per transaction
 */
@ConfigurationProperties("yuqing.notification")
record NotificationSettings(String mailFrom, String publicUrl, Integer batchSize) {

    NotificationSettings {
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "yuqing@localhost" : mailFrom;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        batchSize = batchSize == null || batchSize <= 0 ? 50 : batchSize;
    }
}

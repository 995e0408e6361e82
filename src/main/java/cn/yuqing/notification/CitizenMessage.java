package cn.yuqing.notification;

/**
 * A message to a citizen at the address they gave (a reply, a survey link, an extension's notice),
 * queued with {@link Deliveries#send(CitizenMessage)} in the caller's transaction. The address is
 * personal data: encrypted in the queue and masked wherever it is shown.
 *
 * @param link      a path of this system (a survey link), appended to its public address
 * @param reference what the message belongs to (e.g. {@code reply:12}), to read its delivery back
 */
public record CitizenMessage(Channel channel, String address, String subject, String body, String link, String reference) {

    public enum Channel { SMS, EMAIL }
}

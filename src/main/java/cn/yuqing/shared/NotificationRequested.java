package cn.yuqing.shared;

import java.util.Set;

/**
 * A module asks for people to be told something. The notification module delivers it (in-app now;
 * e-mail and group robots later), so that no module needs to know how people are reached.
 *
 * @param urgent urgent notices ignore quiet hours and are shown first
 */
public record NotificationRequested(Set<Long> recipients, String title, String body, String link, boolean urgent) {

    public NotificationRequested {
        recipients = Set.copyOf(recipients);
    }
}

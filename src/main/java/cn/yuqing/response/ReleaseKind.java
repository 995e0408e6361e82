package cn.yuqing.response;

import java.util.Set;

import cn.yuqing.deadline.ClockKind;

/**
 * The means of response the standard names (4.4, 4.5), with the clocks each answers when published.
 * An individual reply answers one person and never appears on the public page.
 */
public enum ReleaseKind {
    AUTHORITATIVE_STATEMENT("权威信息发布", true, Set.of(ClockKind.STATEMENT, ClockKind.RESPONSE)),
    PRESS_CONFERENCE("新闻发布会", true, Set.of(ClockKind.PRESS_CONFERENCE, ClockKind.STATEMENT, ClockKind.RESPONSE)),
    PRESS_RELEASE("新闻通稿", true, Set.of(ClockKind.RESPONSE)),
    MEDIA_INTERVIEW("接受媒体采访", true, Set.of(ClockKind.RESPONSE)),
    OFFICIAL_ACCOUNT("政务微博、微信发布", true, Set.of(ClockKind.RESPONSE)),
    PORTAL_NOTICE("政府网站公告", true, Set.of(ClockKind.RESPONSE)),
    INDIVIDUAL_REPLY("个别答复", false, Set.of(ClockKind.RESPONSE));

    private final String label;
    private final boolean publicRelease;
    private final Set<ClockKind> answers;

    ReleaseKind(String label, boolean publicRelease, Set<ClockKind> answers) {
        this.label = label;
        this.publicRelease = publicRelease;
        this.answers = answers;
    }

    public String label() {
        return label;
    }

    public boolean publicRelease() {
        return publicRelease;
    }

    public Set<ClockKind> answers() {
        return answers;
    }
}

package cn.yuqing.response;

/**
 * The means of response the standard names (4.4, 4.5); which clocks each answers is the deadline
 * module's rule. An individual reply answers one person and never appears on the public page.
 */
public enum ReleaseKind {
    AUTHORITATIVE_STATEMENT("权威信息发布", true),
    PRESS_CONFERENCE("新闻发布会", true),
    PRESS_RELEASE("新闻通稿", true),
    MEDIA_INTERVIEW("接受媒体采访", true),
    OFFICIAL_ACCOUNT("政务微博、微信发布", true),
    PORTAL_NOTICE("政府网站公告", true),
    INDIVIDUAL_REPLY("个别答复", false);

    private final String label;
    private final boolean publicRelease;

    ReleaseKind(String label, boolean publicRelease) {
        this.label = label;
        this.publicRelease = publicRelease;
    }

    public String label() {
        return label;
    }

    public boolean publicRelease() {
        return publicRelease;
    }
}

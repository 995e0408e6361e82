package cn.yuqing.intake;

/** The platforms clause 4.1 names; the kind (online/offline) follows from the type. */
public enum ChannelType {

    PORTAL("政府门户网站", true),
    OPEN_AFFAIRS("政务公开专栏", true),
    WEIBO("官方微博", true),
    WECHAT("微信公众号", true),
    APP("政务客户端", true),
    OTHER_ONLINE("其他网络平台", true),
    SERVICE_HALL("政务服务大厅", false),
    MAILBOX("公开信箱", false),
    HOTLINE("热线电话", false),
    OTHER_OFFLINE("其他线下渠道", false);

    private final String label;
    private final boolean online;

    ChannelType(String label, boolean online) {
        this.label = label;
        this.online = online;
    }

    public String label() {
        return label;
    }

    public boolean online() {
        return online;
    }

    public String kindLabel() {
        return online ? "线上平台" : "线下平台";
    }
}

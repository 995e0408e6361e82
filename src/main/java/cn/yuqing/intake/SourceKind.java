package cn.yuqing.intake;

/** How an automatic source delivers. */
public enum SourceKind {
    API("接口推送"), FEED("RSS/Atom 订阅"), MAILBOX("公开信箱（邮件）"), IMPORT("文件导入");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.yuqing.deadline;

/** The clocks of 4.4. A statement and a general response answer the same duty: the first release. */
public enum ClockKind {
    STATEMENT("权威信息发布", true),
    PRESS_CONFERENCE("新闻发布会", false),
    RESPONSE("回应", true),
    FOLLOW_UP("持续发布", false);

    private final String label;
    private final boolean firstRelease;

    ClockKind(String label, boolean firstRelease) {
        this.label = label;
        this.firstRelease = firstRelease;
    }

    public String label() {
        return label;
    }

    /** Clocks that answer the same duty are compared on re-grade: the stricter one stays. */
    boolean sameDutyAs(ClockKind other) {
        return this == other || (firstRelease && other.firstRelease);
    }

    boolean firstRelease() {
        return firstRelease;
    }
}

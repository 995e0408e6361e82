package cn.yuqing.deadline;

import java.util.Set;

import cn.yuqing.response.ReleaseKind;

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

    /**
     * 4.4: the clocks a published release of this kind stops. A press conference is also an
     * authoritative statement; every kind answers the general response duty; every release counts
     * as a continued release besides.
     */
    public static Set<ClockKind> answeredBy(ReleaseKind kind) {
        return switch (kind) {
            case AUTHORITATIVE_STATEMENT -> Set.of(STATEMENT, RESPONSE);
            case PRESS_CONFERENCE -> Set.of(PRESS_CONFERENCE, STATEMENT, RESPONSE);
            case PRESS_RELEASE, MEDIA_INTERVIEW, OFFICIAL_ACCOUNT, PORTAL_NOTICE, INDIVIDUAL_REPLY -> Set.of(RESPONSE);
        };
    }

    public boolean firstRelease() {
        return firstRelease;
    }
}

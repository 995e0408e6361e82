package cn.yuqing.opinion;

import org.springframework.modulith.NamedInterface;

/** Where an event stands in the workflow of DOMAIN.md. */
@NamedInterface("port")
public enum EventState {
    COLLECTED("已收集"),
    VERIFYING("核实中"),
    VERIFIED("已核实"),
    WATCHING("持续关注"),
    JUDGED("重点回应"),
    PLAN_MADE("方案已定"),
    RESPONDING("回应中"),
    FOLLOWING_UP("跟进中"),
    CLOSED("已办结");

    private final String label;

    EventState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

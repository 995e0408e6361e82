package cn.yuqing.opinion;

import java.util.List;
import java.util.Optional;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * The workflow as data: every permitted step, from where to where, by which clause. The aggregate
 * asks it before every step, and the flow chart (4.7) is drawn from it, so the two cannot disagree.
 */
public final class Workflow {

    public enum Action {
        START_VERIFICATION("开始核实"), VERIFY("核实完成"), JUDGE_KEY("研判为重点回应"), JUDGE_WATCH("研判为持续关注"),
        REGRADE("调整等级"), MAKE_PLAN("制定方案"), START_RESPONSE("开始回应"), START_FOLLOW_UP("转入跟进"),
        CLOSE("办结"), REOPEN("重新打开");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Step(EventState from, Action action, EventState to, String clause) {
    }

    public static final List<Step> STEPS = List.of(
            new Step(EventState.COLLECTED, Action.START_VERIFICATION, EventState.VERIFYING, "4.2"),
            new Step(EventState.VERIFYING, Action.VERIFY, EventState.VERIFIED, "4.2"),
            new Step(EventState.VERIFIED, Action.JUDGE_KEY, EventState.JUDGED, "4.3"),
            new Step(EventState.VERIFIED, Action.JUDGE_WATCH, EventState.WATCHING, "4.3"),
            new Step(EventState.WATCHING, Action.JUDGE_KEY, EventState.JUDGED, "4.3"),
            new Step(EventState.WATCHING, Action.CLOSE, EventState.CLOSED, "4.6"),
            new Step(EventState.JUDGED, Action.REGRADE, EventState.JUDGED, "4.5"),
            new Step(EventState.JUDGED, Action.MAKE_PLAN, EventState.PLAN_MADE, "4.2"),
            new Step(EventState.PLAN_MADE, Action.REGRADE, EventState.PLAN_MADE, "4.5"),
            new Step(EventState.PLAN_MADE, Action.MAKE_PLAN, EventState.PLAN_MADE, "4.2"),
            new Step(EventState.PLAN_MADE, Action.START_RESPONSE, EventState.RESPONDING, "4.4"),
            new Step(EventState.RESPONDING, Action.REGRADE, EventState.RESPONDING, "4.5"),
            new Step(EventState.RESPONDING, Action.START_FOLLOW_UP, EventState.FOLLOWING_UP, "4.5"),
            new Step(EventState.FOLLOWING_UP, Action.REGRADE, EventState.FOLLOWING_UP, "4.5"),
            new Step(EventState.FOLLOWING_UP, Action.CLOSE, EventState.CLOSED, "4.6"),
            new Step(EventState.CLOSED, Action.REOPEN, EventState.FOLLOWING_UP, "4.5"));

    private Workflow() {
    }

    public static Optional<Step> step(EventState from, Action action) {
        return STEPS.stream().filter(s -> s.from() == from && s.action() == action).findFirst();
    }

    /** The step, or a refusal that says what the state allows. */
    static Step require(EventState from, Action action) {
        return step(from, action).orElseThrow(() -> new DomainRuleViolation("当前状态为“" + from.label() + "”，不能"
                + action.label() + "。可以：" + String.join("、", STEPS.stream().filter(s -> s.from() == from)
                        .map(s -> s.action().label()).toList())));
    }
}

package cn.yuqing.opinion;

import java.util.List;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * A work order's steps as data, as {@link Workflow} is for events: the order asks it before every
 * change of state, and the flow chart of 4.7 draws the orders' lane from it, so the two cannot
 * disagree. The clauses: routing and 退单 are clause 3's, answering and reopening 4.4's.
 */
public final class WorkOrderFlow {

    public enum Action {
        SIGN_FOR("签收"), SEND_BACK("退单"), UPHOLD("仲裁：退单成立，改派"), REJECT("仲裁：退单不成立"), EXTEND("延期获批"),
        COMPLETE("办结（答复群众）"), REDO("群众不满意，重办"), WITHDRAW("责任主体调整，撤回");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Step(WorkOrder.Status from, Action action, WorkOrder.Status to, String clause) {
    }

    private static final WorkOrder.Status SENT = WorkOrder.Status.SENT;
    private static final WorkOrder.Status ACCEPTED = WorkOrder.Status.ACCEPTED;
    private static final WorkOrder.Status RETURNED = WorkOrder.Status.RETURNED;
    private static final WorkOrder.Status DONE = WorkOrder.Status.DONE;
    private static final WorkOrder.Status WITHDRAWN = WorkOrder.Status.WITHDRAWN;

    public static final List<Step> STEPS = List.of(
            new Step(SENT, Action.SIGN_FOR, ACCEPTED, "3"),
            new Step(SENT, Action.SEND_BACK, RETURNED, "3"),
            new Step(ACCEPTED, Action.SEND_BACK, RETURNED, "3"),
            new Step(RETURNED, Action.UPHOLD, WITHDRAWN, "3"),
            new Step(RETURNED, Action.REJECT, SENT, "3"),
            new Step(SENT, Action.EXTEND, SENT, "4.4"),
            new Step(ACCEPTED, Action.EXTEND, ACCEPTED, "4.4"),
            new Step(ACCEPTED, Action.COMPLETE, DONE, "4.4"),
            new Step(DONE, Action.REDO, ACCEPTED, "4.4"),
            new Step(SENT, Action.WITHDRAW, WITHDRAWN, "3"),
            new Step(ACCEPTED, Action.WITHDRAW, WITHDRAWN, "3"));

    private WorkOrderFlow() {
    }

    /** The step, or the refusal given (which says, in the order's words, what the state allows). */
    static Step require(WorkOrder.Status from, Action action, String refusal) {
        return STEPS.stream().filter(s -> s.from() == from && s.action() == action).findFirst()
                .orElseThrow(() -> new DomainRuleViolation("3", refusal));
    }
}

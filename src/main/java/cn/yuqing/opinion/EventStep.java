package cn.yuqing.opinion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.modulith.NamedInterface;

import cn.yuqing.shared.Times;

/** One step an event took: the record shows who decided what, when, and by which clause. */
@NamedInterface("port")
@Entity
public class EventStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private String action;

    @Enumerated(EnumType.STRING)
    private EventState fromState;

    @Enumerated(EnumType.STRING)
    private EventState toState;

    private String clause;

    private String actor;

    private Instant at;

    private String note;

    protected EventStep() {
    }

    EventStep(Long eventId, String action, EventState from, EventState to, String clause, String actor, Instant at, String note) {
        this.eventId = eventId;
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.clause = clause;
        this.actor = actor;
        this.at = at;
        this.note = note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
    }

    public String action() { return action; }
    private static final java.util.Map<String, String> OTHER_ACTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("OPEN", "立为舆情事件"),
            java.util.Map.entry("FLAG", "标记并上报"),
            java.util.Map.entry("ROUTE", "确定责任主体"),
            java.util.Map.entry("OVERRIDE_ROUTING", "人工指定责任主体"),
            java.util.Map.entry("TALKING_POINTS", "更新口径"),
            java.util.Map.entry("ACCEPT_ORDER", "签收任务单"),
            java.util.Map.entry("RETURN_ORDER", "退单"),
            java.util.Map.entry("RESEND_ORDER", "重新派发任务单"),
            java.util.Map.entry("REDISPATCH_ORDERS", "随责任主体调整任务单"),
            java.util.Map.entry("ARBITRATE_ORDER", "仲裁退单"),
            java.util.Map.entry("REQUEST_EXTENSION", "申请延期"),
            java.util.Map.entry("APPROVE_EXTENSION", "同意延期"),
            java.util.Map.entry("REFUSE_EXTENSION", "不同意延期"),
            java.util.Map.entry("COMPLETE_ORDER", "办结任务单"),
            java.util.Map.entry("REDO_ORDER", "重办"),
            java.util.Map.entry("SIGN_FOR_OVERDUE", "逾期未签收"),
            java.util.Map.entry("ARBITRATION_OVERDUE", "仲裁超时"),
            java.util.Map.entry("DRAFT_CHASE", "拟催办通知书"),
            java.util.Map.entry("DRAFT_SUPERVISE", "拟督办单"),
            java.util.Map.entry("ISSUE_CHASE", "印发催办通知书"),
            java.util.Map.entry("ISSUE_SUPERVISE", "印发督办单"),
            java.util.Map.entry("REPLY_CITIZEN", "答复群众"),
            java.util.Map.entry("SURVEY_ANSWERED", "群众回访评价"),
            java.util.Map.entry("SURVEY_ESCALATED", "再次不满意，报政府办公室"));

    public String actionLabel() {
        try {
            return Workflow.Action.valueOf(action).label();
        } catch (IllegalArgumentException other) {
            return OTHER_ACTIONS.getOrDefault(action, action);
        }
    }
    public EventState fromState() { return fromState; }
    public EventState toState() { return toState; }
    public String clause() { return clause; }
    public String actor() { return actor; }
    public Instant at() { return at; }
    public String atText() { return Times.format(at); }
    public String note() { return note; }
}

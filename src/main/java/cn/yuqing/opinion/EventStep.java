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
    private static final java.util.Map<String, String> OTHER_ACTIONS = java.util.Map.of("OPEN", "立为舆情事件", "FLAG", "标记并上报",
            "ROUTE", "确定责任主体", "OVERRIDE_ROUTING", "人工指定责任主体", "TALKING_POINTS", "更新口径", "ACCEPT_ORDER", "接收任务单",
            "RETURN_ORDER", "退回任务单", "RESEND_ORDER", "重新派发任务单", "REDISPATCH_ORDERS", "随责任主体调整任务单");

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

package cn.yuqing.opinion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.modulith.NamedInterface;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;

/**
 * What the later stages (response, deadlines, follow-up, review, assessment, reporting) may ask of
 * {@code opinion}: events as immutable snapshots within the reader's scope, the grade scheme, and
 * an event's work orders, reports, talking points and open duties. The aggregate and the workflow
 * service stay inside the module; the one change a later stage makes — a re-grade on follow-up
 * (4.5) — goes through the same rules as on the event page.
 * <p>
 * It is the module's named interface {@code opinion::port}, with the types it speaks in: the
 * later stages declare that interface, not the module, so that Modulith's {@code verify()} fails
 * the build when one of them reaches past it.
 */
@NamedInterface("port")
public interface OpinionEvents {

    /** The event if the reader's scope covers it (owning unit or a party); otherwise it does not exist. */
    EventSnapshot event(Long id, DataScope scope);

    /** The events the scope covers, open ones first, newest first. */
    List<EventSnapshot> events(DataScope scope);

    List<Grade> grades();

    /** Whether the event's grade is 特别重大 or 重大. */
    boolean majorOrAbove(EventSnapshot e);

    /** The event's work orders, the withdrawn ones included (a return counts whatever came after). */
    List<OrderSnapshot> orders(Long eventId);

    /** The talking points (口径) in force: the latest version, or empty. */
    String currentTalkingPoints(Long eventId);

    /**
     * What citizens ask about the event: the keywords its items carry most, by the number of items
     * carrying each, the first the main one; empty for an event without items.
     */
    List<String> concerns(Long eventId, int limit);

    /** 4.2: when each kind of report on the event (to the unit's leaders, to the superior) was first sent. */
    Collection<Instant> firstReportOfEachKind(Long eventId);

    List<OpenDuties.Duty> openDuties(Long eventId, DataScope scope);

    /** The event's items whose authors left a way back, oldest first, at most {@code limit}: the citizens a reply may go back to. */
    List<Long> contactableItemIds(Long eventId, int limit);

    /** Whether the item is one of the event's, within the reader's scope. */
    boolean carries(Long eventId, Long itemId, DataScope scope);

    /** 4.5: a re-grade from follow-up, by the workflow's rules; the clocks restart as on any re-grade. */
    EventSnapshot regradeEvent(Long id, long version, DataScope scope, SignedInPerson by, String gradeCode, boolean emergency,
            String reason);

    /**
     * The reply to a citizen answered the unit's work order (the citizen module): the order is done.
     * A sent order must be signed for first.
     */
    void orderAnswered(Long orderId, String actor);

    /** 重办: the citizen was not satisfied with the answer; the order reopens with its own clock. */
    void redoOrder(Long orderId, String reason, String actor);

    /** A step of a later stage written into the event's record (the timeline and the audit), e.g. a citizen's rating. */
    void recordOnEvent(Long eventId, String action, String actor, String text);

    /**
     * A work order as the later stages count it: whose it is, whether it still holds a duty, how
     * often it bounced and how often wrongly (退单 the office did not uphold), extensions approved,
     * how often it was reopened, and the 催办通知书 and 督办单 issued on it.
     */
    record OrderSnapshot(Long id, Long unitId, Long partyUnitId, String status, boolean holdsDuty, int returns, int resends,
            int wrongfulSendBacks, int extensionsApproved, int redos, int chasesIssued, int supervisionsIssued) {
    }
}

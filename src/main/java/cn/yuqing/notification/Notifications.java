package cn.yuqing.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.NotificationRequested;

/**
 * In-app notices, with the e-mails and group messages they queue: written in the same transaction
 * as the change that asked for them, so none is lost.
 */
@Service
@Transactional
public class Notifications {

    private final NotificationRepository notices;
    private final Deliveries deliveries;
    private final Clock clock;

    Notifications(NotificationRepository notices, Deliveries deliveries, Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(NotificationRequested request) {
        for (Long recipient : request.recipients()) {
            notices.save(new Notification(recipient, request.title(), request.body(), request.link(), request.urgent(),
                    clock.instant()));
        }
        deliveries.enqueue(request);
    }

    @Transactional(readOnly = true)
    public List<Notification> inbox(Long personId) {
        return notices.inbox(personId, PageRequest.of(0, 200));
    }

    @Transactional(readOnly = true)
    public long unread(Long personId) {
        return notices.unread(personId);
    }

    /** Marks a notice read; someone else's notice is “not found”. */
    public Notification open(Long noticeId, Long personId) {
        Notification notice = notices.findById(noticeId).filter(n -> n.recipientId().equals(personId))
                .orElseThrow(() -> new NotFound("通知"));
        notice.markRead(clock.instant());
        return notice;
    }
}

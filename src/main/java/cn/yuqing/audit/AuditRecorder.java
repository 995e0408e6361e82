package cn.yuqing.audit;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.yuqing.shared.AuditedChange;

/**
 * Records every {@link AuditedChange} inside the transaction that made it, just before it commits:
 * a change that rolls back leaves no record, and a record that cannot be written rolls the change back.
 */
@Component
class AuditRecorder {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final AuditTrail trail;

    AuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditedChange change) {
        trail.append(actor(change), change.action(), change.subject(), json(change.before()), json(change.after()),
                origin());
    }

    private static String actor(AuditedChange change) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
            return auth.getName();
        }
        return change.actorHint() != null ? change.actorHint() : "system";
    }

    private static String json(Map<String, ?> state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        return JSON.writeValueAsString(new TreeMap<>(state));
    }

    /** The request behind the change: method, path and client address; "system" for scheduled work. */
    private static String origin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr();
        }
        return "system";
    }
}

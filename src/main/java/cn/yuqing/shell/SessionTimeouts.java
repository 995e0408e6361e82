package cn.yuqing.shell;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.yuqing.organisation.AccountSettings;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.shared.WallClock;

/**
 * 等保 level 3: a session ends after {@code yuqing.accounts.idle-timeout} without a request (30 min
 * by default) and {@code absolute-timeout} after the sign-in (12 h), whatever happens in between.
 * Counted here on the machine's clock rather than left to the servlet container alone (whose
 * timeout is the same idle time, as a backstop), so that the rule is one place, the same on every
 * node and tier, and tested by moving time.
 */
@Configuration(proxyBeanMethods = false)
class SessionTimeouts implements WebMvcConfigurer, HandlerInterceptor {

    static final String SIGNED_IN_AT = "yuqing.signedInAt";
    static final String LAST_SEEN_AT = "yuqing.lastSeenAt";
    /** Sent by the pages' own timed refreshes (hx-headers); the duty-room dashboard's do not, as it is watched. */
    static final String BACKGROUND = "X-Yuqing-Background";

    private final WallClock wall;
    private final Duration idle;
    private final Duration absolute;

    SessionTimeouts(WallClock wall, AccountSettings settings) {
        this.wall = wall;
        this.idle = settings.idleTimeout();
        this.absolute = settings.absoluteTimeout();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(-10).excludePathPatterns("/login", "/logout", "/error", "/css/**", "/js/**",
                "/fonts/**", "/webjars/**", "/api/**", "/favicon.svg", "/public/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null || Accounts.current().isEmpty()) {
            return true;
        }
        Instant now = wall.now();
        Instant signedIn = (Instant) session.getAttribute(SIGNED_IN_AT);
        Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN_AT);
        if (signedIn == null) {
            session.setAttribute(SIGNED_IN_AT, now);
        } else if (lastSeen != null && lastSeen.plus(idle).isBefore(now) || signedIn.plus(absolute).isBefore(now)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return false;
        }
        // a page refreshing itself (a countdown, an import's progress) is not the person at work
        if (request.getHeader(BACKGROUND) == null || lastSeen == null) {
            session.setAttribute(LAST_SEEN_AT, now);
        }
        return true;
    }
}

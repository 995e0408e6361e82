package cn.yuqing.shell;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SecondFactors;
import cn.yuqing.organisation.SignedInPerson;

/**
 * 等保 level 3, 8.1.4.1 d: a person whose sign-in takes a second factor is served nothing but the
 * code page until a right code has marked the session (the mark is asked for, rather than a pending
 * flag set after the password, so that nothing failing in between lets them through); an
 * administrator who has not bound one yet is held
 * at the binding page (after choosing a password, if theirs is one-time). The API's HTTP Basic,
 * which cannot ask for a code, is refused to such accounts — except the metrics the monitoring scrapes.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String STEP = "/sign-in/second-factor";
    static final String ENROL = "/account/second-factor";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(-5).excludePathPatterns(STEP, ENROL, "/logout", "/login", "/error", "/css/**",
                "/js/**", "/fonts/**", "/webjars/**", "/api/**", "/favicon.svg", "/public/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        var me = Accounts.current();
        HttpSession session = request.getSession(false);
        if (me.isPresent() && me.get().secondFactorEnabled() && (session == null || session.getAttribute(SecondFactors.PASSED) == null)) {
            response.sendRedirect(request.getContextPath() + STEP);
            return false;
        }
        if (me.isPresent() && me.get().secondFactorRequired() && !me.get().secondFactorEnabled() && !me.get().mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + ENROL);
            return false;
        }
        return true;
    }

    /** After the password: to the code page when the person has a second factor (the gate would send them anyway), else where they were going. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
                    throws ServletException, IOException {
                if (auth.getPrincipal() instanceof SignedInPerson p && p.secondFactorEnabled()) {
                    getRedirectStrategy().sendRedirect(request, response, STEP);
                    return;
                }
                super.onAuthenticationSuccess(request, response, auth);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** HTTP Basic cannot carry the code: an account that needs one may not call the API with its password. */
    static final class ApiGuard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var me = Accounts.current();
            if (me.isPresent() && me.get().secondFactorRequired() && !request.getRequestURI().endsWith("/actuator/prometheus")) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"该账户须使用动态口令登录，不能以用户名和密码调用接口；请改用不含管理员角色的接口账户。\"}");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}

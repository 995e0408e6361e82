package cn.yuqing.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.yuqing.organisation.Accounts;

/**
 * A person signed in with a one-time password (the generated first administrator's, or one an
 * administrator reset) must choose their own before doing anything else.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String CHANGE_PASSWORD = "/account/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(CHANGE_PASSWORD, SecondFactorGate.STEP, "/logout", "/login", "/error", "/css/**",
                "/js/**", "/fonts/**", "/webjars/**", "/api/**", "/favicon.svg");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (Accounts.current().filter(p -> p.mustChangePassword()).isPresent()) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return false;
        }
        return true;
    }
}

package cn.yuqing.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The intake API is for machines: each source sends its own key ({@code X-Api-Key}), which
 * identifies the source and its channel. No session, no cookie, so no CSRF token.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class ApiKeySecurity {

    static final String HEADER = "X-Api-Key";
    static final String SUBMIT = IntakePermissions.API_SUBMIT;

    /** The principal of an API call: the source, never a person. */
    static final class SourceAuthentication extends AbstractAuthenticationToken {
        private final IntakeSource source;

        SourceAuthentication(IntakeSource source) {
            super(List.of(new SimpleGrantedAuthority(SUBMIT)));
            this.source = source;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public IntakeSource getPrincipal() {
            return source;
        }

        @Override
        public String getName() {
            return "来源：" + source.name();
        }
    }

    @Bean
    @Order(0)
    SecurityFilterChain intakeApi(HttpSecurity http, Sources sources) throws Exception {
        http.securityMatcher("/api/intake/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new ApiKeyFilter(sources), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> refuse(response)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":401,\"message\":\"API密钥无效或缺失（请求头 X-Api-Key）\"}");
    }

    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final Sources sources;

        ApiKeyFilter(Sources sources) {
            this.sources = sources;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if (key != null) {
                var source = sources.byApiKey(key.strip());
                if (source.isEmpty()) {
                    refuse(response);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(new SourceAuthentication(source.get()));
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}

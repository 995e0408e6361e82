package cn.yuqing.shell;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input generated from the route list: every form and call of ours, sent by a role that
 * may use it, with each of its request parameters set to each hostile value (script and HTML, SQL,
 * path traversal, spreadsheet formulas, huge text, control characters, GBK bytes read as the wrong
 * charset, impossible numbers and dates) and every JSON call given malformed bodies. No answer may
 * be a 5xx or show a stack trace. Then every page is read back as the administrator: the script
 * stored on the way must come out escaped, never as markup (the canary).
 *
 * <p>What was accepted is stored (a scheme may well be called {@code <script>}); whether a refused
 * input left half a record is checked module by module (NewFormsHostileInputTests, IntakeApiTests…).
 * The context is discarded afterwards, as the records made here would disturb other tests.
 */
@WebTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputTests {

    static final String CANARY = "<script>alert('xss-canary')</script>";
    static final List<String> VALUES = List.of(
            CANARY,
            "\"><img src=x onerror=alert('xss-canary')>",
            "' OR 1=1; DROP TABLE opinion_item; --",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "=HYPERLINK(\"http://evil.example\",\"点我\")",
            "+cmd|' /C calc'!A0",
            "舆".repeat(25_000),
            "\u0000\u0001\u001b[31m",
            new String("潢川县".getBytes(Charset.forName("GBK")), Charset.forName("ISO-8859-1")),
            "-1",
            "1e9999",
            "99999999999999999999999",
            "２０２７年１３月",
            "2027-02-30T25:61",
            "NaN",
            "null",
            "",
            "   ",
            "{\"$gt\": \"\"}");
    static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "{\"version\": \"abc\"}",
            "{\"items\": 5}", "[".repeat(5_000), "{\"text\": \"" + "舆".repeat(30_000) + "\"}",
            new String("{\"title\":\"潢川\"}".getBytes(Charset.forName("GBK")), Charset.forName("ISO-8859-1")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    record Route(HttpMethod method, String pattern, HandlerMethod handler, UserDetails caller) {
    }

    List<Route> routes() {
        List<UserDetails> people = AuthorizationMatrixTests.ACCOUNTS.values().stream().map(u -> (UserDetails) accounts.loadUserByUsername(u)).toList();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getName().startsWith("cn.yuqing.")) {
                continue;
            }
            Set<String> required = AuthorizationMatrixTests.required(handler.getMethodAnnotation(PreAuthorize.class).value());
            UserDetails caller = people.stream().filter(p -> required == null || p.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).anyMatch(required::contains)).findFirst().orElse(null);
            if (caller == null) {
                continue; // the intake API: only an API key may call it (IntakeApiTests)
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(HttpMethod.valueOf(m.name()), pattern, handler, caller));
                }
            }
        }
        return routes;
    }

    @Test
    void noHostileInputGetsA5xxOrAStackTraceAndNoStoredScriptRuns() throws Exception {
        List<Route> routes = routes();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            List<String> params = route.handler().getMethodParameters().length == 0 ? List.of()
                    : java.util.Arrays.stream(route.handler().getMethodParameters())
                            .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                            .map(HostileInputTests::name).filter(n -> !n.isEmpty()).collect(Collectors.toList());
            boolean takesBody = route.pattern().startsWith("/api/") && route.method() == HttpMethod.POST;
            for (int i = 0; i < VALUES.size(); i++) {
                String value = VALUES.get(i);
                // path variables get the hostile value in turn with an ordinary id, so both paths are walked
                String path = route.pattern().replaceAll("\\{[^}]+}", i % 2 == 0 ? "1" : encode(value));
                MockHttpServletRequestBuilder call = request(route.method(), java.net.URI.create(path))
                        .with(user(route.caller())).with(csrf());
                for (String p : params) {
                    call.param(p, value);
                }
                sent += check(call, route, failures);
            }
            if (takesBody) {
                for (String body : BODIES) {
                    String path = route.pattern().replaceAll("\\{[^}]+}", "1");
                    sent += check(request(route.method(), path).with(user(route.caller())).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body), route, failures);
                }
            }
        }
        System.out.printf("hostile requests sent: %d over %d routes%n", sent, routes.size());
        assertThat(failures).as("answers to hostile input").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(500);

        // read every page back: whatever hostile text was stored comes out as text
        UserDetails admin = accounts.loadUserByUsername("guanli");
        List<String> raw = new ArrayList<>();
        for (Route route : routes) {
            if (route.method() != HttpMethod.GET || route.pattern().startsWith("/api/")) {
                continue;
            }
            for (UserDetails reader : List.of(admin, route.caller())) {
                MvcResult r = mvc.perform(request(HttpMethod.GET, route.pattern().replaceAll("\\{[^}]+}", "1"))
                        .with(user(reader))).andReturn();
                String body = r.getResponse().getContentAsString();
                if (body.contains("alert('xss-canary')") && (body.contains(CANARY) || body.contains("onerror=alert('xss-canary')"))) {
                    raw.add(route.pattern());
                }
            }
        }
        assertThat(raw).as("pages that print stored input as markup").isEmpty();
    }

    private int check(MockHttpServletRequestBuilder call, Route route, List<String> failures) throws Exception {
        MvcResult r;
        try {
            r = mvc.perform(call).andReturn();
        } catch (Exception unhandled) {
            failures.add(route.method() + " " + route.pattern() + " → unhandled " + unhandled.getCause());
            return 1;
        }
        int status = r.getResponse().getStatus();
        String body = r.getResponse().getContentAsString();
        if (status >= 500 || body.contains("at cn.yuqing") || body.contains("Exception")) {
            failures.add(route.method() + " " + r.getRequest().getRequestURI() + " → " + status + " "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return 1;
    }

    private static String name(MethodParameter p) {
        RequestParam annotation = p.getParameterAnnotation(RequestParam.class);
        String name = annotation.name().isEmpty() ? annotation.value() : annotation.name();
        return name.isEmpty() ? (p.getParameterName() == null ? "" : p.getParameterName()) : name;
    }

    private static String encode(String value) {
        String v = value.length() > 100 ? value.substring(0, 100) : value;
        return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}

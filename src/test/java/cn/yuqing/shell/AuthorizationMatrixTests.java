package cn.yuqing.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
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
 * Every endpoint × every role, generated from the route list: the rule each endpoint declares
 * ({@code @PreAuthorize}) is read, each role's demo account (with the authorities a real sign-in
 * gives it) calls it, and the answer must match. A role that may not: 403 and nothing done (a
 * 400 is accepted for an action sent here without its fields: Spring reads the arguments before the
 * rule is checked, and refuses before anything is done; the audit trail proves nothing was). A role
 * that may, on a page (GET): neither 403 nor a server error. Actions of the roles that may (POST)
 * are not sent here: each module's tests do them with their data. A new endpoint whose rule is
 * not one of the forms read here fails the build until the matrix learns it.
 *
 * <p>Own versus other unit (the data scope) is {@link DataScopeMatrixTests}; here {1} stands for
 * every path variable.
 */
@WebTest
class AuthorizationMatrixTests {

    /** Entries linked onto the chain and those waiting to be: a request's record may be either. */
    private static final String AUDITED = "select (select count(*) from audit_entry) + (select count(*) from audit_waiting)";

    /** One demo account per role of DOMAIN.md. */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("监控人员", "jiankong");
        ACCOUNTS.put("研判人员", "yanpan");
        ACCOUNTS.put("部门回应人员", "zhujian.huiying");
        ACCOUNTS.put("部门负责人", "zhujian.fuzeren");
        ACCOUNTS.put("政府办公室", "zhengfuban");
        ACCOUNTS.put("宣传部门", "xuanchuan");
        ACCOUNTS.put("主要负责同志", "xianzhang");
        ACCOUNTS.put("考核人员", "kaohe");
        ACCOUNTS.put("系统管理员", "guanli");
        ACCOUNTS.put("安全管理员", "anquan");
        ACCOUNTS.put("审计管理员", "shenji");
    }

    private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\('([a-z:]+)'\\)");
    private static final Pattern ONLY_AUTHORITIES = Pattern.compile("hasAuthority\\('[a-z:]+'\\)( or hasAuthority\\('[a-z:]+'\\))*");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    cn.yuqing.organisation.Permissions permissions;
    @Autowired
    List<cn.yuqing.shared.NavigationEntry.Menu> menus;

    record Endpoint(RequestMethod method, String path, String rule) {
    }

    /** null: anyone signed in (or not); otherwise any one of these authorities. */
    static Set<String> required(String rule) {
        if (rule.equals("isAuthenticated()") || rule.equals("permitAll()")) {
            return null;
        }
        if (!ONLY_AUTHORITIES.matcher(rule).matches()) {
            throw new AssertionError("the matrix does not read this rule yet: " + rule);
        }
        Set<String> codes = new java.util.TreeSet<>();
        Matcher m = AUTHORITY.matcher(rule);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    List<Endpoint> endpoints() {
        return endpoints(mappings, "1");
    }

    /** Every endpoint of ours, each path variable written as {@code variable}. */
    static List<Endpoint> endpoints(RequestMappingHandlerMapping mappings, String variable) {
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getName().startsWith("cn.yuqing.")) {
                continue;
            }
            String rule = handler.getMethodAnnotation(PreAuthorize.class).value();
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(variable));
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    list.add(new Endpoint(method, path, rule));
                }
            }
        }
        return list;
    }

    @Test
    void everyRoleGetsExactlyWhatItsPermissionsAllowOnEveryEndpoint() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> sent = new TreeMap<>();
        long auditedBefore = jdbc.queryForObject(AUDITED, Long.class);
        for (Map.Entry<String, String> role : ACCOUNTS.entrySet()) {
            UserDetails person = accounts.loadUserByUsername(role.getValue());
            Set<String> held = person.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
            for (Endpoint endpoint : endpoints) {
                Set<String> required = required(endpoint.rule());
                boolean allowed = required == null || required.stream().anyMatch(held::contains);
                boolean action = endpoint.method() != RequestMethod.GET && endpoint.method() != RequestMethod.HEAD;
                if (allowed && action) {
                    continue;
                }
                MockHttpServletRequestBuilder call = request(org.springframework.http.HttpMethod.valueOf(endpoint.method().name()),
                        endpoint.path()).with(user(person)).with(csrf());
                int status = mvc.perform(call).andReturn().getResponse().getStatus();
                sent.merge(role.getKey(), 1, Integer::sum);
                if (!allowed && status != 403 && !(action && status == 400)) {
                    wrong.add(role.getKey() + " " + endpoint.method() + " " + endpoint.path() + " → " + status + " (needs "
                            + required + ")");
                }
                if (allowed && (status == 403 || status >= 500)) {
                    wrong.add(role.getKey() + " " + endpoint.method() + " " + endpoint.path() + " → " + status + " (may: "
                            + endpoint.rule() + ")");
                }
            }
        }
        assertThat(wrong).as("answers that do not match the rules").isEmpty();
        assertThat(jdbc.queryForObject(AUDITED, Long.class))
                .as("changes made by requests the rules refuse, or by pages").isEqualTo(auditedBefore);
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(500);
    }

    @Test
    void theMatrixReadsEveryRuleItMeets() {
        assertThat(endpoints()).allSatisfy(e -> required(e.rule()));
        assertThat(required("hasAuthority('a:b:c') or hasAuthority('d:e:f')")).containsExactly("a:b:c", "d:e:f");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> required("hasRole('ADMIN')")).isInstanceOf(AssertionError.class);
    }

    /** The codes live with their modules, so a typo is no longer a compile error: this is where it fails. */
    @Test
    void everyCodeARuleOrAMenuNamesIsDeclaredByAModule() {
        Set<String> named = new java.util.TreeSet<>();
        endpoints().forEach(e -> {
            Set<String> codes = required(e.rule());
            if (codes != null) {
                named.addAll(codes);
            }
        });
        menus.forEach(m -> m.entries().stream().map(cn.yuqing.shared.NavigationEntry::permission).filter(java.util.Objects::nonNull)
                .forEach(named::add));
        assertThat(named).hasSizeGreaterThan(30).allSatisfy(code -> assertThat(permissions.declared(code)).as(code).isTrue());
    }
}

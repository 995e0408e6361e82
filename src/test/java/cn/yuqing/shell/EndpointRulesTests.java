package cn.yuqing.shell;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
class EndpointRulesTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    /** A new endpoint without a permission rule fails the build rather than opening silently. */
    @Test
    void everyEndpointOfOursDeclaresWhoMayCallIt() {
        List<String> unguarded = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getName().startsWith("cn.yuqing."))
                .filter(e -> !e.getValue().hasMethodAnnotation(PreAuthorize.class))
                .map(e -> e.getKey() + " → " + e.getValue())
                .toList();
        assertThat(unguarded).isEmpty();
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
    }

    @Test
    void aMissingRecordIsAChinese404WithoutInternals() throws Exception {
        mvc.perform(get("/organisation/units/987654").with(As.person(accounts, "guanli")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到单位")))
                .andExpect(content().string(not(containsString("Exception"))))
                // issue 23: the error page keeps the menu (a way on, not only back home) and the icon
                .andExpect(content().string(containsString("退出登录")))
                .andExpect(content().string(containsString("/favicon.svg")));
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    }

    @Test
    void aMalformedIdIsA400NotA500() throws Exception {
        mvc.perform(get("/organisation/units/abc").with(As.person(accounts, "guanli")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请求参数不正确")));
    }

    @Test
    void theNavigationShowsOnlyWhatTheRoleMayOpen() throws Exception {
        mvc.perform(get("/").with(As.person(accounts, "guanli")))
                .andExpect(content().string(containsString("操作日志")))
                .andExpect(content().string(containsString("监测收集")));
        mvc.perform(get("/").with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/audit/verify"))));
    }
}

package cn.yuqing.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.yuqing.organisation.Accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Requests made as a demo account, with the real principal the sign-in would produce. */
public final class As {

    private As() {
    }

    public static RequestPostProcessor person(Accounts accounts, String username) {
        return user(accounts.loadUserByUsername(username));
    }
}

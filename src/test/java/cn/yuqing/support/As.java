package cn.yuqing.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Acting as a demo account: requests with the real principal the sign-in would produce, and the account's data scope. */
public final class As {

    private As() {
    }

    public static RequestPostProcessor person(Accounts accounts, String username) {
        return user(accounts.loadUserByUsername(username));
    }

    /** The data scope the account's sign-in would give. */
    public static DataScope scopeOf(OrganisationDirectory directory, String username) {
        return directory.scopeOf(directory.person(username).orElseThrow());
    }
}

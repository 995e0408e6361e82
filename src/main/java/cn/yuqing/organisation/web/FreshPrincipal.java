package cn.yuqing.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;

/**
 * The session's principal is read at sign-in; after the person changed what it records (a new
 * password, a second factor bound or removed) it is replaced by a fresh one, so the gates stop asking.
 */
final class FreshPrincipal {

    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private FreshPrincipal() {
    }

    static void replace(Accounts accounts, String username, HttpServletRequest request, HttpServletResponse response) {
        SignedInPerson fresh = accounts.loadUserByUsername(username);
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}

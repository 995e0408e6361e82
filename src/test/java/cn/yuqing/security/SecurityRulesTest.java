package cn.yuqing.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import cn.yuqing.support.WebTest;

/**
 * The whole application with the 等保 rules a real installation runs with — passwords that age, the
 * administrators' second factor — which the rest of the suite turns off because it moves the clock
 * by months and signs administrators in with a password. One context for every class that needs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebTest
@TestPropertySource(properties = {"yuqing.accounts.password-max-age=90d", "yuqing.accounts.idle-timeout=30m",
        "yuqing.accounts.absolute-timeout=12h", "yuqing.accounts.second-factor-for-administrators=true"})
public @interface SecurityRulesTest {
}

package cn.yuqing.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** At the first start, and only then, each of the three administrators' generated password is shown once. */
    @Bean
    @Order(0)
    ApplicationRunner firstAdministrators(Accounts accounts) {
        return args -> accounts.ensureTheThreeAdministrators().forEach(admin -> {
            if (admin.generatedPassword() == null) {
                log.warn("已创建初始{}账户 {}，密码取自环境变量。", admin.role(), admin.username());
            } else {
                log.warn("""

                        ================================================================
                          首次启动：已创建初始{}账户
                            用户名：{}
                            密  码：{}
                          此密码只显示这一次，首次登录后须修改。
                        ================================================================
                        """, admin.role(), admin.username(), admin.generatedPassword());
            }
        });
    }
}

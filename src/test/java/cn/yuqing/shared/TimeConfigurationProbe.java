package cn.yuqing.shared;

import java.time.Clock;

import org.springframework.core.env.Environment;

/** Lets tests ask which clock the configuration would give an environment, without starting one. */
public class TimeConfigurationProbe {

    public Clock clockFor(Environment environment) {
        return new TimeConfiguration().clock(environment);
    }
}

package cn.yuqing.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.yuqing.shared.Times;
import cn.yuqing.shared.WallClock;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(Instant.parse("2027-07-12T00:00:00Z"), Times.ZONE);
    }

    /** The sessions' machine time, moved by the tests of idle and absolute timeouts only. */
    @Bean
    public WallClock wallClock() {
        return new WallClock(new MutableClock(Instant.parse("2027-07-12T00:00:00Z"), Times.ZONE));
    }
}

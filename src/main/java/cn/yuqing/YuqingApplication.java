package cn.yuqing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class YuqingApplication {

    public static void main(String[] args) {
        SpringApplication.run(YuqingApplication.class, args);
    }
}

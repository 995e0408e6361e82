package cn.yuqing.analysis;

import java.util.Set;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/** Demo monitoring schemes, created before the demo items arrive so that they are matched. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoAnalysis {

    @Bean
    @Order(1)
    ApplicationRunner demoSchemes(Schemes schemes) {
        return args -> {
            if (!schemes.all().isEmpty()) {
                return;
            }
            schemes.create("食品安全", "食堂 食品 饭菜 异味 变质 过期 中毒 拉肚子 肚子疼", "食品展 美食节", Set.of(), Set.of());
            schemes.create("交通出行", "桥 大桥 道路 公路 封闭 封路 绕行 绕路 堵车 公交 校车", "", Set.of(), Set.of());
            schemes.create("征地拆迁", "拆迁 征地 征收 补偿 安置 强拆", "", Set.of(), Set.of());
            schemes.create("欠薪讨薪", "工资 欠薪 讨薪 拖欠 农民工", "", Set.of(), Set.of());
            schemes.create("生态环境", "污染 异味 臭味 排污 噪音 扬尘 养殖场", "", Set.of(), Set.of());
        };
    }
}

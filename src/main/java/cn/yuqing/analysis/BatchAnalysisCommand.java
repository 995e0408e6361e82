package cn.yuqing.analysis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code java -jar yuqing-huiying.jar --spring.main.web-application-type=none
 * --analyse=texts.txt [--out=result.jsonl]} ({@code --analyse=-} reads standard input). Runs,
 * writes, and ends the process.
 */
@Component
class BatchAnalysisCommand implements ApplicationRunner {

    private final BatchAnalysis batch;
    private final ConfigurableApplicationContext context;

    BatchAnalysisCommand(BatchAnalysis batch, ConfigurableApplicationContext context) {
        this.batch = batch;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption("analyse")) {
            return;
        }
        String source = args.getOptionValues("analyse").get(0);
        String target = args.containsOption("out") ? args.getOptionValues("out").get(0) : "-";
        try (BufferedReader in = source.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
                Writer out = target.equals("-") ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                        : Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
            int n = batch.run(in, out, Integer.MAX_VALUE);
            System.err.println("已分析 " + n + " 行");
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}

package cn.yuqing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Weibo posts of the shared evaluation set ({@code ../shared/data/eval}), read where they
 * lie and never copied into the project; a test that needs them is skipped, with that reason, where
 * they are absent.
 */
public final class SharedPosts {

    public static final Path WEIBO = Path.of("../shared/data/eval/weibo-covid-labelled.csv");

    private SharedPosts() {
    }

    /** The texts of the first {@code rows} rows that are at least {@code minLength} characters long. */
    public static List<String> weibo(int rows, int minLength) {
        assumeTrue(Files.isReadable(WEIBO), "评测数据不在 " + WEIBO.toAbsolutePath() + "：跳过");
        try {
            List<String> lines = Files.readAllLines(WEIBO, StandardCharsets.UTF_8);
            List<String> posts = new ArrayList<>();
            for (String line : lines.subList(1, Math.min(lines.size(), rows + 1))) {
                int comma = line.lastIndexOf(',');
                String text = comma > 0 ? line.substring(0, comma).replace("\"", "") : line;
                if (text.length() >= minLength) {
                    posts.add(text);
                }
            }
            return posts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

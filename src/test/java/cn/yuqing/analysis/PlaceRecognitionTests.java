package cn.yuqing.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.hankcs.hanlp.HanLP;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Region;
import cn.yuqing.organisation.RegionLevel;
import cn.yuqing.support.SharedPosts;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, part 5: the township a post is about, read from its text by the gazetteer of the demo
 * directory (潢川县: 23 townships, 301 villages). Each of 1,200 posts is a real Weibo post of the shared set
 * with one place of 潢川县 written into it the ways people write places: the full name, the short
 * form (踅孜), a village (its township is meant), in traditional characters, with zero-width
 * characters inside the name, or with full-width spaces around it. Right when the township of the
 * first place read is the township written.
 */
@WebTest
class PlaceRecognitionTests {

    enum Form { FULL, SHORT, VILLAGE, TRADITIONAL, ZERO_WIDTH, FULL_WIDTH_SPACED }

    @Autowired
    AnalysisEngine engine;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void theTownshipOfAPostIsReadWhateverFormItsNameTakes() throws IOException {
        Random random = new Random(18);
        List<String> posts = new ArrayList<>(SharedPosts.weibo(5_000, 0));
        Collections.shuffle(posts, random);
        List<Region> townships = directory.childrenOf("411526").stream().filter(r -> r.level() == RegionLevel.TOWNSHIP).toList();
        assertThat(townships).hasSize(23);
        String[] frames = {"%s某小区停水三天了，", "%s那边", "家住%s，", "听说%s出事了，", "%s的朋友说："};

        TextPipeline pipeline = engine.pipeline();
        Map<Form, int[]> byForm = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 1_200; i++) {
            Form form = Form.values()[i % Form.values().length];
            Region township = townships.get(random.nextInt(townships.size()));
            String written = switch (form) {
                case FULL -> township.name();
                case SHORT -> Gazetteer.placeForms(township.name()).get(Gazetteer.placeForms(township.name()).size() - 1);
                case VILLAGE -> {
                    List<Region> villages = directory.childrenOf(township.code());
                    // as people write it: 杨集村, not 杨集村民委员会
                    List<String> forms = villages.isEmpty() ? List.of(township.name())
                            : Gazetteer.placeForms(villages.get(random.nextInt(villages.size())).name());
                    yield forms.get(forms.size() - 1);
                }
                case TRADITIONAL -> HanLP.convertToTraditionalChinese(township.name());
                case ZERO_WIDTH -> township.name().charAt(0) + "\u200b" + township.name().substring(1, 2) + "\u200c"
                        + township.name().substring(2);
                case FULL_WIDTH_SPACED -> "\u3000" + township.name() + "\u3000";
            };
            String text = String.format(frames[random.nextInt(frames.length)], written) + posts.get(i);
            Features f = pipeline.analyse(null, text, null, null);
            String read = f.places().isEmpty() ? null : townshipOf(f.places().get(0).target().key());
            int[] tally = byForm.computeIfAbsent(form, k -> new int[2]);
            tally[1]++;
            n++;
            if (township.code().equals(read)) {
                tally[0]++;
            } else if (misses.size() < 30) {
                misses.add(form + " 写作“" + written.replace("\u200b", "␣").replace("\u200c", "␣") + "”（" + township.name()
                        + "）读作 " + (read == null ? "无" : directory.region(read).map(Region::name).orElse(read)) + "：" + text);
            }
        }
        int right = byForm.values().stream().mapToInt(t -> t[0]).sum();
        StringBuilder report = new StringBuilder(String.format("Place recognition on %d real posts with one place of 潢川县 "
                + "written in: accuracy %.3f%n", n, right / (double) n));
        byForm.forEach((form, t) -> report.append(String.format("  %-18s %3d/%3d  %.3f%n", form, t[0], t[1], t[0] / (double) t[1])));
        misses.forEach(m -> report.append("  miss: ").append(m).append('\n'));
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/place-recognition.txt"), report);
        assertThat(right / (double) n).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    }

    /** The township a place lies in (a village's township; a township itself). */
    private String townshipOf(String code) {
        Region r = directory.region(code).orElse(null);
        while (r != null && r.level().ordinal() > RegionLevel.TOWNSHIP.ordinal()) {
            r = r.parent();
        }
        return r == null ? null : r.code();
    }
}

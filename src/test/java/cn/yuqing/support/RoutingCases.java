package cn.yuqing.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.ClassPathResource;

/**
 * The labelled routing cases of src/test/resources/responsibility (written from the standard by a
 * reviewer session): routing is measured on them, and so are similar past events.
 */
public final class RoutingCases {

    /** {@code confirmed}: the matter an analyst confirmed, blank where no county department handles it. */
    public record Case(String id, String kind, List<String> texts, boolean especiallyMajor, String confirmed, String responsible,
            String lead, Set<String> coUnits, boolean principalLeader) {
    }

    private RoutingCases() {
    }

    public static List<Case> read(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0], f[1], List.of(f[2].split(" \\|\\| ")), "是".equals(f[3]), f[4].strip(), f[5].strip(),
                        f[6].strip(), f[7].isBlank() ? Set.of() : new TreeSet<>(List.of(f[7].strip().split("、"))), "是".equals(f[8])));
            }
        }
        return cases;
    }
}

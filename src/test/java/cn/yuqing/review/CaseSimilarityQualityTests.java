package cn.yuqing.review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import cn.yuqing.support.RoutingCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Similar past events" measured on a labelled set: the 80 cases of the routing sets
 * (src/test/resources/responsibility, written from the standard by a reviewer session), each a
 * post with its comments and the matter an analyst confirmed. A case's similar cases are right when
 * they are of the same matter. Baseline: the share of same-matter pairs (what a random pick gets).
 * The figures go to docs/analysis-quality.md.
 */
class CaseSimilarityQualityTests {

    record Case(String text, String matter) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String resource : List.of("responsibility/routing-cases.tsv", "responsibility/routing-cases-heldout.tsv")) {
            for (RoutingCases.Case c : RoutingCases.read(resource)) {
                // a case no county department handles has no matter to be alike in
                if (!c.confirmed().isBlank()) {
                    cases.add(new Case(String.join("\n", c.texts()), c.confirmed()));
                }
            }
        }
        return cases;
    }

    @Test
    void similarCasesAreOfTheSameMatterFarMoreOftenThanChance() throws IOException {
        List<Case> cases = cases();
        CaseSimilarity similarity = new CaseSimilarity(cases.stream().map(Case::text).toList());
        int n = cases.size();
        long samePairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                samePairs += cases.get(i).matter().equals(cases.get(j).matter()) ? 1 : 0;
            }
        }
        double chance = samePairs / (n * (n - 1) / 2.0);
        int[] ks = {1, 3};
        StringBuilder report = new StringBuilder(String.format("%d cases, %d matters; chance of a same-matter pick %.3f%n", n,
                cases.stream().map(Case::matter).distinct().count(), chance));
        double[] precision = new double[ks.length];
        int withAMatch = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int q = i;
            boolean hasPeer = IntStream.range(0, n).anyMatch(j -> j != q && cases.get(j).matter().equals(cases.get(q).matter()));
            if (!hasPeer) {
                continue;
            }
            withAMatch++;
            List<Integer> ranked = IntStream.range(0, n).filter(j -> j != q).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -similarity.between(q, j))).toList();
            for (int k = 0; k < ks.length; k++) {
                long right = ranked.subList(0, ks[k]).stream().filter(j -> cases.get(j).matter().equals(cases.get(q).matter())).count();
                precision[k] += right / (double) ks[k];
            }
            if (!cases.get(ranked.get(0)).matter().equals(cases.get(q).matter())) {
                misses.add(cases.get(q).matter() + " → " + cases.get(ranked.get(0)).matter() + " | "
                        + cases.get(q).text().substring(0, Math.min(40, cases.get(q).text().length())).replace('\n', ' '));
            }
        }
        for (int k = 0; k < ks.length; k++) {
            precision[k] /= withAMatch;
            report.append(String.format("precision@%d over the %d cases that have a same-matter peer: %.3f%n", ks[k], withAMatch,
                    precision[k]));
        }
        misses.forEach(m -> report.append("miss: ").append(m).append('\n'));
        System.out.println(report);
        assertThat(precision[0]).isGreaterThan(chance * 5);
        assertThat(precision[0]).isGreaterThanOrEqualTo(0.4);
        assertThat(precision[1]).isGreaterThan(chance * 4);
    }
}

package cn.yuqing.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.yuqing.support.SharedPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near-duplicates found among at most {@value Placement#BAND_CAPACITY} items per band against
 * comparing every item with every earlier one, on real Weibo posts and real-style reposts of some
 * of them (转发微博, //@网友: chains with a comment, #话题#, trimmed, emoticons and emoji). Each
 * item joins the cluster of its most similar earlier item at or above the near-duplicate line, as
 * placement does; the two clusterings are compared pair by pair (pairwise precision and recall).
 *
 * <p>The posts are the shared evaluation set ({@link SharedPosts}), read, never copied; without it
 * the test is skipped with that reason.
 */
class NearDuplicateQualityTests {

    private static final String[] COMMENTS = {"转发微博", "太可怕了", "求扩散", "心疼", "希望早日查清真相", "这也太离谱了吧",
            "有关部门出来说句话", "[怒][怒][怒]", "支持", "😡😡", "怎么还没人管", "关注", "顶", "🙏🙏🙏", "同问"};

    @Test
    void boundedBandsFindWhatComparingWithEveryItemFinds() throws IOException {
        Random random = new Random(20261206);
        List<String> posts = new ArrayList<>(SharedPosts.weibo(20_000, 12));
        Collections.shuffle(posts, random);
        List<String> stream = new ArrayList<>(posts.subList(0, 2_000));
        for (String original : posts.subList(2_000, 2_008)) {
            stream.add(original);
            for (int i = 0; i < 400; i++) {
                stream.add(repost(original, i, random));
            }
        }
        Collections.shuffle(stream, random);

        int[] truth = clusters(stream, Integer.MAX_VALUE);
        int[] bounded = clusters(stream, Placement.BAND_CAPACITY);
        double[] pr = pairwise(truth, bounded);
        String report = String.format("Near-duplicates on %,d real posts and real-style reposts (8 originals × 400):"
                + " bounded bands (%d per band) against every item: pairwise precision %.3f, recall %.3f%n",
                stream.size(), Placement.BAND_CAPACITY, pr[0], pr[1]);
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/near-duplicates.txt"), report);
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    /** Reposts as Weibo shows them: a chain of comments before the original, or the original trimmed or decorated. */
    static String repost(String original, int i, Random random) {
        String comment = COMMENTS[random.nextInt(COMMENTS.length)];
        return switch (random.nextInt(7)) {
            case 0 -> "转发微博 " + original;
            case 1 -> comment + "//@网友" + i + ": " + original;
            case 2 -> comment + "//@网友" + i + ":" + COMMENTS[random.nextInt(COMMENTS.length)] + "//@网友" + (i + 7) + ": " + original;
            case 3 -> "#热点关注# " + original + " " + comment;
            case 4 -> original.substring(0, Math.max(8, (int) (original.length() * (0.7 + 0.3 * random.nextDouble()))));
            case 5 -> original + "[泪][泪]";
            default -> "【" + comment + "】" + original + " http://t.cn/A" + i;
        };
    }

    /** Each item joins the cluster of its most similar earlier item (≥ the near-duplicate line), or starts one. */
    static int[] clusters(List<String> texts, int capacity) {
        int[] cluster = new int[texts.size()];
        List<int[]> signatures = new ArrayList<>();
        BandIndex index = new BandIndex(capacity);
        for (int i = 0; i < texts.size(); i++) {
            int[] sig = MinHash.signature(ChineseText.normalised(texts.get(i)));
            signatures.add(sig);
            if (capacity == Integer.MAX_VALUE) {
                int best = -1;
                double bestSimilarity = MinHash.NEAR_DUPLICATE;
                for (int j = 0; j < i; j++) {
                    double s = MinHash.similarity(sig, signatures.get(j));
                    if (s > bestSimilarity || s == bestSimilarity && best < 0) {
                        bestSimilarity = s;
                        best = j;
                    }
                }
                cluster[i] = best < 0 ? i : cluster[best];
            } else {
                long[] keys = MinHash.bandKeys(sig, "411526");
                BandIndex.Member near = index.nearest(sig, keys, java.time.Instant.EPOCH);
                cluster[i] = near == null ? i : near.candidateId().intValue();
                index.add(new BandIndex.Member((long) i, (long) cluster[i], sig, java.time.Instant.EPOCH), keys, java.time.Instant.EPOCH);
            }
        }
        return cluster;
    }

    /** Pairs put together by both, over pairs put together by the second (precision) and by the first (recall). */
    static double[] pairwise(int[] truth, int[] found) {
        Map<Long, Integer> both = new HashMap<>();
        Map<Integer, Integer> truthSizes = new HashMap<>();
        Map<Integer, Integer> foundSizes = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            both.merge(((long) truth[i] << 32) | found[i], 1, Integer::sum);
            truthSizes.merge(truth[i], 1, Integer::sum);
            foundSizes.merge(found[i], 1, Integer::sum);
        }
        double agreed = both.values().stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
        double truthPairs = truthSizes.values().stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
        double foundPairs = foundSizes.values().stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
        return new double[] {foundPairs == 0 ? 1 : agreed / foundPairs, truthPairs == 0 ? 1 : agreed / truthPairs};
    }
}

package cn.yuqing.analysis;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MinHash over character 3-shingles with LSH banding (32 bands of 4 rows): two texts whose
 * shingle sets have Jaccard similarity s become candidates with probability 1 − (1 − s⁴)³², about
 * 0.98 at s = 0.6 and 0.14 at s = 0.3. Reposting noise (转发, //@name:, #topic#, links, mentions)
 * is removed first, so a repost with a short comment stays close to its original.
 */
final class MinHash {

    static final int HASHES = 128;
    static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    static final int SHINGLE = 3;
    /** Estimated Jaccard at or above which two items are near-duplicates. */
    static final double NEAR_DUPLICATE = 0.5;

    private static final Pattern NOISE = Pattern.compile("(?i)https?://\\S+|//@[^:：\\s]{1,30}[:：]|@[^\\s:：@,，。]{1,30}"
            + "|#[^#]{1,40}#|^\\s*转发(微博)?[:：]?|【|】");
    private static final Pattern NON_TEXT = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}，。！？、；：“”‘’（）《》…—～·]+");
    private static final long SEED = 0x2018_0503_4A58_5934L;

    private MinHash() {
    }

    static String normalise(String text) {
        return NON_TEXT.matcher(NOISE.matcher(text).replaceAll(" ")).replaceAll("");
    }

    static Set<Long> shingles(String text) {
        String t = normalise(text);
        Set<Long> shingles = new HashSet<>();
        if (t.length() < SHINGLE) {
            if (!t.isEmpty()) {
                shingles.add(pack(t, 0, t.length()));
            }
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= t.length(); i++) {
            shingles.add(pack(t, i, i + SHINGLE));
        }
        return shingles;
    }

    private static long pack(String t, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = (v << 16) | t.charAt(i);
        }
        return v;
    }

    /** Straight from the text: a repeated shingle gives the same hashes, so no set is needed. */
    static int[] signature(String text) {
        String t = normalise(text);
        int[] sig = new int[HASHES];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        if (t.isEmpty()) {
            return sig;
        }
        int count = Math.max(1, t.length() - SHINGLE + 1);
        for (int i = 0; i < count; i++) {
            accumulate(sig, pack(t, i, Math.min(t.length(), i + SHINGLE)));
        }
        return sig;
    }

    /**
     * The i-th hash of a shingle is h1 + i·h2 (Kirsch and Mitzenmacher): two mixes per shingle
     * instead of one per hash function, with the same estimate of similarity.
     */
    static int[] signature(Set<Long> shingles) {
        int[] sig = new int[HASHES];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (long s : shingles) {
            accumulate(sig, s);
        }
        return sig;
    }

    private static void accumulate(int[] sig, long shingle) {
        long mixed = mix(shingle ^ SEED);
        int h = (int) mixed;
        int step = (int) (mixed >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            int v = h & Integer.MAX_VALUE;
            if (v < sig[i]) {
                sig[i] = v;
            }
            h += step;
        }
    }

    /** One key per band; items sharing any key are candidates. */
    static long[] bandKeys(int[] sig) {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + sig[b * ROWS + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    /**
     * Band keys within one partition of placement: salted with the partition, so that a county's
     * items never meet another county's in a band, and its lookups stay as short as its own load.
     */
    static long[] bandKeys(int[] sig, String partition) {
        long[] keys = bandKeys(sig);
        long salt = mix(partition.hashCode() * 0x9E3779B97F4A7C15L);
        for (int b = 0; b < keys.length; b++) {
            keys[b] = mix(keys[b] ^ salt);
        }
        return keys;
    }

    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (long x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }

    static byte[] toBytes(int[] sig) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(sig.length * 4);
        buffer.asIntBuffer().put(sig);
        return buffer.array();
    }

    static int[] fromBytes(byte[] bytes) {
        int[] sig = new int[bytes.length / 4];
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(sig);
        return sig;
    }

    /** SplitMix64's finaliser: fast and well mixed. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

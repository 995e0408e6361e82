package cn.yuqing.analysis;

import java.time.Instant;
import java.util.Arrays;

/**
 * The MinHash bands of one partition as placement sees them: for each band, at most
 * {@code capacity} items of the window. A viral post's reposts fill its bands with the first few;
 * later reposts are compared with those and stored nowhere, so a lookup costs the same at the
 * fifty-thousandth repost as at the first. Recall against comparing with every item is measured
 * on real reposts ({@code NearDuplicateQualityTests}).
 *
 * <p>A node keeps one of these per partition for the whole window, so it is kept small: the bands
 * are one open-addressed table of (band, member) pairs — a band's members lie along its probe
 * sequence, and a member past the window gives its place to the next one of the same band —
 * instead of a list per band (about 1.4 KB per member instead of 4.6 KB).
 *
 * <p>Not thread-safe, lookups included: a partition's memory is used by one batch at a time.
 */
final class BandIndex {

    record Member(Long itemId, Long candidateId, int[] signature, Instant discoveredAt) {
    }

    private final int capacity;
    private long[] keys = new long[1 << 10];
    /** The member at each place of the table, counted from 1; 0 is an empty place. */
    private int[] refs = new int[1 << 10];
    private int used;
    private Member[] members = new Member[1 << 8];
    /** Per member, the last lookup that compared it. */
    private int[] compared = new int[1 << 8];
    private int stamp;
    private int size;

    BandIndex(int capacity) {
        this.capacity = capacity;
    }

    /** Members held: a partition's memory is let go past a bound. */
    int size() {
        return size;
    }

    /** The most similar member seen since {@code since}, at or above the near-duplicate line, or null. */
    Member nearest(int[] signature, long[] bands, Instant since) {
        Member best = null;
        double bestSimilarity = MinHash.NEAR_DUPLICATE;
        // a repost meets the same few members in most of its bands: each is compared once, marked with this lookup's stamp
        if (++stamp == 0) {
            Arrays.fill(compared, 0);
            stamp = 1;
        }
        for (long band : bands) {
            for (int at = start(band); refs[at] != 0; at = next(at)) {
                if (keys[at] != band || compared[refs[at] - 1] == stamp) {
                    continue;
                }
                compared[refs[at] - 1] = stamp;
                Member m = members[refs[at] - 1];
                if (!m.discoveredAt().isBefore(since)) {
                    double similarity = MinHash.similarity(signature, m.signature());
                    if (similarity > bestSimilarity || similarity == bestSimilarity && best == null) {
                        bestSimilarity = similarity;
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Stores the member in each of its bands that holds fewer than the capacity since
     * {@code since}; says whether it was stored in any (a member stored nowhere is not kept).
     */
    boolean add(Member member, long[] bands, Instant since) {
        int ref = 0;
        for (long band : bands) {
            int live = 0;
            int expired = -1;
            int at = start(band);
            for (; refs[at] != 0; at = next(at)) {
                if (keys[at] == band) {
                    if (members[refs[at] - 1].discoveredAt().isBefore(since)) {
                        expired = expired < 0 ? at : expired;
                    } else {
                        live++;
                    }
                }
            }
            if (live >= capacity) {
                continue;
            }
            if (ref == 0) {
                ref = keep(member);
            }
            if (expired >= 0) {
                refs[expired] = ref;
            } else {
                keys[at] = band;
                refs[at] = ref;
                if (++used * 2 > keys.length) {
                    grow();
                }
            }
        }
        return ref != 0;
    }

    private int keep(Member member) {
        if (size == members.length) {
            members = Arrays.copyOf(members, size * 2);
            compared = Arrays.copyOf(compared, size * 2);
        }
        members[size++] = member;
        return size;
    }

    /** Twice the places, every pair put again. */
    private void grow() {
        long[] oldKeys = keys;
        int[] oldRefs = refs;
        keys = new long[oldKeys.length * 2];
        refs = new int[oldRefs.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRefs[i] != 0) {
                int at = start(oldKeys[i]);
                while (refs[at] != 0) {
                    at = next(at);
                }
                keys[at] = oldKeys[i];
                refs[at] = oldRefs[i];
            }
        }
    }

    private int start(long band) {
        long h = band * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (keys.length - 1);
    }

    private int next(int at) {
        return (at + 1) & (keys.length - 1);
    }
}

package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MinHash bands of one partition as a batch of placement sees them: for each band, at most
 * {@code capacity} items of the window. A viral post's reposts fill its bands with the first few;
 * later reposts are compared with those and stored nowhere, so a lookup costs the same at the
 * fifty-thousandth repost as at the first. Recall against comparing with every item is measured
 * on real reposts ({@code NearDuplicateQualityTests}).
 */
final class BandIndex {

    record Member(Long itemId, Long candidateId, int[] signature, java.time.Instant discoveredAt) {
    }

    private final int capacity;
    private final Map<Long, List<Member>> members = new HashMap<>();
    private int size;

    BandIndex(int capacity) {
        this.capacity = capacity;
    }

    /** The bands whose stored members have not been loaded yet. */
    List<Long> unknown(long[] bands) {
        List<Long> unknown = new ArrayList<>();
        for (long band : bands) {
            if (!members.containsKey(band)) {
                unknown.add(band);
            }
        }
        return unknown;
    }

    /** A band was looked up; its stored members follow through {@link #stored}. */
    void loaded(long band) {
        members.putIfAbsent(band, new ArrayList<>());
    }

    void stored(long band, Member member) {
        members.computeIfAbsent(band, k -> new ArrayList<>()).add(member);
        size++;
    }

    /** Members held, over all bands: a partition's memory is let go past a bound. */
    int size() {
        return size;
    }

    /** The most similar member seen since {@code since}, at or above the near-duplicate line, or null. */
    Member nearest(int[] signature, long[] bands, java.time.Instant since) {
        Member best = null;
        double bestSimilarity = MinHash.NEAR_DUPLICATE;
        Set<Long> compared = new HashSet<>();
        for (long band : bands) {
            for (Member m : members.getOrDefault(band, List.of())) {
                if (!m.discoveredAt().isBefore(since) && compared.add(m.itemId())) {
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

    /** Stores the member in each of its bands that holds fewer than the capacity since {@code since}; returns those bands. */
    List<Long> add(Member member, long[] bands, java.time.Instant since) {
        List<Long> storedIn = new ArrayList<>();
        for (long band : bands) {
            List<Member> list = members.computeIfAbsent(band, k -> new ArrayList<>());
            int held = list.size();
            list.removeIf(m -> m.discoveredAt().isBefore(since));
            size -= held - list.size();
            if (list.size() < capacity) {
                list.add(member);
                size++;
                storedIn.add(band);
            }
        }
        return storedIn;
    }
}

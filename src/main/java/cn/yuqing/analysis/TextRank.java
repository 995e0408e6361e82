package cn.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank keywords (Mihalcea and Tarau): content words are nodes, co-occurrence within a window
 * of five is an edge, and the rank is iterated until it settles. Written on arrays so that it
 * costs a fraction of a segmentation; HanLP's own implementation spends most of a post's
 * analysis time on the same result.
 */
final class TextRank {

    static final int WINDOW = 5;
    static final int MAX_ITERATIONS = 30;
    static final double DAMPING = 0.85;

    private TextRank() {
    }

    static List<String> keywords(List<String> words, int size) {
        Map<String, Integer> index = new HashMap<>();
        int[] sequence = new int[words.size()];
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            sequence[i] = index.computeIfAbsent(words.get(i), w -> {
                vocabulary.add(w);
                return vocabulary.size() - 1;
            });
        }
        int n = vocabulary.size();
        if (n == 0) {
            return List.of();
        }
        boolean[][] edge = new boolean[n][n];
        int[] degree = new int[n];
        for (int i = 0; i < sequence.length; i++) {
            for (int j = i + 1; j < Math.min(sequence.length, i + WINDOW); j++) {
                int a = sequence[i];
                int b = sequence[j];
                if (a != b && !edge[a][b]) {
                    edge[a][b] = edge[b][a] = true;
                    degree[a]++;
                    degree[b]++;
                }
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0);
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            for (int a = 0; a < n; a++) {
                double sum = 0;
                for (int b = 0; b < n; b++) {
                    if (edge[a][b]) {
                        sum += rank[b] / degree[b];
                    }
                }
                next[a] = (1 - DAMPING) + DAMPING * sum;
                change = Math.max(change, Math.abs(next[a] - rank[a]));
            }
            double[] t = rank;
            rank = next;
            next = t;
            if (change < 1e-3) {
                break;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] finalRank = rank;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(finalRank[y], finalRank[x]));
        List<String> top = new ArrayList<>(size);
        for (int i = 0; i < Math.min(size, n); i++) {
            top.add(vocabulary.get(order[i]));
        }
        return top;
    }
}

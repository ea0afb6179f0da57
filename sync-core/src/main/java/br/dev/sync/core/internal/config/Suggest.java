package br.dev.sync.core.internal.config;

import java.util.Comparator;
import java.util.List;

/** "did you mean ...?" for a mistyped key: the closest known key within a few edits. */
final class Suggest {
    private static final int MAX_EDITS = 3;

    private Suggest() {}

    /** {@code ", did you mean fiscal.nfe?"}, or nothing when no known key is close. */
    static String closest(String key, List<String> known) {
        return known.stream()
                .filter(k -> distance(key, k) <= MAX_EDITS)
                .min(Comparator.comparingInt(k -> distance(key, k)))
                .map(k -> ", did you mean " + k + "?")
                .orElse("");
    }

    /** Levenshtein distance, ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitute = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}

package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetUpsertChunkTest {
    /** Splits {@code columns} the way execute does: the statements' row ranges, in order. */
    private static List<int[]> chunks(String[][] columns, int n) {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; ) {
            int to = SetUpsert.chunkEnd(columns, from, n);
            out.add(new int[] {from, to});
            from = to;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyRowGoesOnceAndEveryArrayStaysUnderTheBoundUnlessOneValueIsLarger(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(1_500);
        String[][] columns = new String[1 + random.nextInt(5)][n];
        for (String[] column : columns) {
            int typical = random.nextInt(600);
            for (int r = 0; r < n; r++) {
                int len = random.nextInt(50) == 0
                        ? random.nextInt(3 * SetUpsert.MAX_ARRAY_CHARS)
                        : random.nextInt(typical + 1);
                column[r] = random.nextInt(20) == 0 ? null : "x".repeat(len);
            }
        }

        List<int[]> chunks = chunks(columns, n);

        int next = 0;
        for (int[] c : chunks) {
            assertThat(c[0]).isEqualTo(next);
            assertThat(c[1]).isGreaterThan(c[0]);
            next = c[1];
            for (String[] column : columns) {
                long chars = 0;
                for (int r = c[0]; r < c[1]; r++) {
                    chars += column[r] == null ? 0 : column[r].length();
                }
                if (c[1] - c[0] > 1) {
                    assertThat(chars).isLessThanOrEqualTo(SetUpsert.MAX_ARRAY_CHARS);
                }
            }
            if (c[1] < n) {
                // the next row would have taken some column over the bound
                boolean over = false;
                for (String[] column : columns) {
                    long chars = 0;
                    for (int r = c[0]; r <= c[1]; r++) {
                        chars += column[r] == null ? 0 : column[r].length();
                    }
                    over |= chars > SetUpsert.MAX_ARRAY_CHARS;
                }
                assertThat(over)
                        .as("chunk %d..%d could have taken one more row", c[0], c[1])
                        .isTrue();
            }
        }
        assertThat(next).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 1_000})
    void smallValuesGoInOneStatement(int n) {
        String[][] columns = new String[3][n];
        for (String[] column : columns) {
            java.util.Arrays.fill(column, "SS123456785BR");
        }

        assertThat(chunks(columns, n)).hasSize(1);
    }
}

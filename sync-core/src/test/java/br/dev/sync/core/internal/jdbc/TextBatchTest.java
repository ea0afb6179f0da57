package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch in parts: where it is cut, and the update counts of the parts put back in row order. */
class TextBatchTest {
    /** Sizes of the parts sent, and the counts each part answers (row index + 1, so that order shows). */
    private final List<Integer> parts = new ArrayList<>();

    private int pending;
    private int rowsSent;

    private PreparedStatement statement(boolean answerShort) {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "addBatch" -> pending++;
                        case "executeBatch" -> {
                            parts.add(pending);
                            int[] counts = new int[answerShort ? pending - 1 : pending];
                            for (int i = 0; i < counts.length; i++) {
                                counts[i] = rowsSent + i + 1;
                            }
                            rowsSent += pending;
                            pending = 0;
                            return counts;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private static Dialect limitedTo(long chars) {
        return (Dialect) Proxy.newProxyInstance(
                TextBatchTest.class.getClassLoader(), new Class<?>[] {Dialect.class}, (proxy, method, args) -> {
                    if (method.getName().equals("batchChars")) {
                        return chars;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aPartIsSentOnceItsRowsReachTheLimitAndTheCountsComeBackInRowOrder() throws SQLException {
        TextBatch batch = new TextBatch(statement(false), limitedTo(1_000));
        for (int i = 0; i < 25; i++) {
            batch.add(300 - TextBatch.ROW_CHARS); // the fourth row of a part reaches 1,200 >= 1,000
        }

        int[] counts = batch.finish();

        assertThat(parts).containsExactly(4, 4, 4, 4, 4, 4, 1);
        assertThat(counts).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(counts[i]).isEqualTo(i + 1);
        }
    }

    @Test
    void withoutALimitTheBatchIsOneStatementAndAnEmptyBatchSendsNothing() throws SQLException {
        TextBatch batch = new TextBatch(statement(false), limitedTo(Long.MAX_VALUE));
        for (int i = 0; i < 3; i++) {
            batch.add(1_000_000);
        }
        assertThat(batch.finish()).containsExactly(1, 2, 3);
        assertThat(parts).containsExactly(3);

        parts.clear();
        assertThat(new TextBatch(statement(false), limitedTo(10)).finish()).isEmpty();
        assertThat(parts).isEmpty();
    }

    @Test
    void aDriverThatAnswersTooFewCountsIsAnError() {
        TextBatch batch = new TextBatch(statement(true), limitedTo(100));

        Throwable thrown = catchThrowable(() -> {
            batch.add(60 - TextBatch.ROW_CHARS);
            batch.add(60 - TextBatch.ROW_CHARS);
        });

        assertThat(thrown)
                .isInstanceOf(SQLException.class)
                .hasMessage("the driver answered 1 update counts for a batch of 2 rows");
    }

    @Test
    void aStringCountsItsLengthAndQuotesAnythingElseAsMuchAsATimestampLiteral() {
        assertThat(TextBatch.chars("abcd")).isEqualTo(7);
        assertThat(TextBatch.chars(12345L)).isEqualTo(32);
        assertThat(TextBatch.chars(null)).isEqualTo(32);
        assertThat(TextBatch.chars("'2026-11-22 10:00:00.123456'")).isLessThanOrEqualTo(32);
    }
}

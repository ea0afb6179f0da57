package br.dev.sync.core.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A JDBC batch sent in parts of about {@link Dialect#batchChars()} characters of bound values each, in the same
 * transaction, with the update counts of all the parts in row order. Not thread-safe.
 *
 * <p>MariaDB's driver sends a rewritten batch as one statement, written into a buffer that it grows from 8 KB to
 * 128 KB, then 1 MB, then 16 MB, and lets go of after each statement. A page of 1,000 pre-postings (about 1.3 MB
 * of statement) therefore allocated a 1 MB and a 16 MB array per page: both humongous objects in a small G1
 * heap, each able to start a collection (238 of the 577 collections of a JVM that pulled 100,000 rows at 128 MB,
 * warm-up included). Parts of about 80,000 characters stay in the 128 KB buffer, which the driver keeps: the
 * estimate counts a string's characters (the driver escapes quotes and backslashes and writes UTF-8, so typical
 * text takes up to about 1.5 bytes a character) and a fixed share for every other value and for each row's
 * separators. A part of heavier text grows the buffer to 1 MB, not 16.
 */
final class TextBatch {
    /** A row's parentheses and separators, and values the caller does not count (version, flags): 64 characters. */
    static final long ROW_CHARS = 64;

    private final PreparedStatement ps;
    private final long maxChars;
    private int[] counts = new int[16];
    private int sent;
    private int added;
    private long chars;

    TextBatch(PreparedStatement ps, Dialect dialect) {
        this.ps = ps;
        this.maxChars = dialect.batchChars();
    }

    /**
     * Adds the row just bound, whose string values (and values given to {@link #chars}) take about {@code rowChars}
     * characters; sends the part when it is full.
     */
    void add(long rowChars) throws SQLException {
        ps.addBatch();
        added++;
        chars += rowChars + ROW_CHARS;
        if (chars >= maxChars) {
            send();
        }
    }

    /** Sends what is left and answers the update count of every row added, in order. */
    int[] finish() throws SQLException {
        send();
        return Arrays.copyOf(counts, sent);
    }

    private void send() throws SQLException {
        if (added == sent) {
            return;
        }
        int[] part = ps.executeBatch();
        if (part.length != added - sent) {
            throw new SQLException(
                    "the driver answered " + part.length + " update counts for a batch of " + (added - sent) + " rows");
        }
        if (counts.length < added) {
            counts = Arrays.copyOf(counts, Math.max(added, counts.length * 2));
        }
        System.arraycopy(part, 0, counts, sent, part.length);
        sent = added;
        chars = 0;
    }

    /**
     * About how many characters a bound value takes in a statement's text: a string's length and its quotes and
     * comma, or enough for any number, date or timestamp literal.
     */
    static long chars(Object value) {
        return value instanceof CharSequence s ? s.length() + 3 : 32;
    }
}

package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MariaDB's upsert counting, in two session variables, the stored rows it wrote (the change's version was newer) and
 * kept (it was not); a row it inserted is neither. {@link MariaDbDialect#versionedUpsert} counts in the version
 * column's assignment, which MariaDB runs once for every row whose key it found, so after {@link #reset} and the page's
 * upserts, {@link #read} answers exactly how many changes were written (inserted or newer) and how many were not, in
 * the statement that wrote them: nothing is read before it. Counting cannot change what is written: the counter's
 * expression always yields the value the assignment had without it.
 */
final class SessionCounts {
    static final String WRITTEN = "@sync_sdk_written";
    static final String KEPT = "@sync_sdk_kept";

    private SessionCounts() {}

    /** {@code value}, counting one into {@code variable} as it is taken. */
    static String count(String variable, String value) {
        return "IF((" + variable + " := COALESCE(" + variable + ", 0) + 1) IS NULL, " + value + ", " + value + ")";
    }

    static void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET " + WRITTEN + " = 0, " + KEPT + " = 0");
        }
    }

    /** The counts of {@code rows} changes upserted since {@link #reset}, each key once. */
    static RecordTable.Counts read(Connection c, int rows) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + WRITTEN + ", " + KEPT)) {
            rs.next();
            long written = rs.getLong(1);
            long kept = rs.getLong(2);
            if (written + kept > rows || written < 0 || kept < 0) {
                throw new SQLException(
                        "the upsert of " + rows + " changes counted " + written + " stored rows written and " + kept
                                + " kept; is another statement of this session counting too?");
            }
            return new RecordTable.Counts((int) (rows - kept), (int) kept);
        }
    }
}

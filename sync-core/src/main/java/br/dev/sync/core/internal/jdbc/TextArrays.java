package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Binds a {@code text[]} parameter: as a {@link TextArray} on the PostgreSQL driver's connections, through
 * {@code createArrayOf} on any other. This class names no driver type, so it loads without pgjdbc on the class
 * path; {@link TextArray} is loaded only once a PostgreSQL connection is seen. Stateless; thread-safe.
 */
final class TextArrays {
    /** The PostgreSQL driver's connection type, or null when that driver is not on the class path. */
    private static final Class<?> PG_CONNECTION = pgConnection();

    private TextArrays() {}

    private static Class<?> pgConnection() {
        try {
            return Class.forName("org.postgresql.PGConnection", false, TextArrays.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Whether {@code c} takes {@link TextArray}s (a PostgreSQL driver's connection, possibly wrapped by a pool). */
    static boolean binary(Connection c) throws SQLException {
        return PG_CONNECTION != null && c.isWrapperFor(PG_CONNECTION);
    }

    /** Binds elements {@code from} to {@code to} (exclusive) of {@code values} as parameter {@code index}. */
    static void bind(Connection c, boolean binary, PreparedStatement ps, int index, String[] values, int from, int to)
            throws SQLException {
        if (binary) {
            ps.setObject(index, new TextArray(values, from, to));
        } else {
            ps.setArray(index, c.createArrayOf("text", Arrays.copyOfRange(values, from, to)));
        }
    }
}

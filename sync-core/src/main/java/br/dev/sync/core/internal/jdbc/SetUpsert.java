package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL's set-based versioned upsert: a whole page in one statement, each column bound as one {@code text[]}
 * and cast to the column's type, {@code INSERT .. SELECT .. FROM unnest(..) ON CONFLICT .. DO UPDATE .. WHERE
 * t.version < EXCLUDED.version RETURNING} the written keys. One round trip a page, no version read before it, and
 * exact applied/unchanged counts (the rows the version check let through are the rows returned).
 *
 * <p>Values become text the way the driver would send them: an {@link Instant} or {@link Timestamp} as an offset
 * date-time in the JVM's zone (so a {@code timestamp} column gets the same wall time as {@code setTimestamp} gives
 * it, and a {@code timestamptz} column the same instant), a boolean into a numeric column as 1 or 0. A value of any
 * other Java type answers {@link #UNSUPPORTED}, and the store writes that page the row-by-row way. The casts name
 * the type without its modifier ({@code character varying}, not {@code character varying(20)}), so a value too
 * long for its column fails as a direct insert would rather than being cut. Immutable; thread-safe.
 */
final class SetUpsert {
    /** What {@link #text} answers for a value it cannot write as text. */
    static final String UNSUPPORTED = new String("unsupported");

    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying");
    private static final Set<String> NUMERIC_TYPES =
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");

    private final Map<String, String> types;

    private SetUpsert(Map<String, String> types) {
        this.types = types;
    }

    /** The column types of the table, read from the catalog: each type by its quoted column name. */
    static SetUpsert of(Connection c, Dialect d, String quotedTable) throws SQLException {
        String sql = "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a"
                + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, quotedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(d.quote(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return new SetUpsert(types);
    }

    /** The given types (quoted column → SQL type), for tables whose shape the SDK fixes itself. */
    static SetUpsert of(Map<String, String> types) {
        return new SetUpsert(Map.copyOf(types));
    }

    /**
     * Whether the written keys read back from {@code RETURNING} equal the keys sent: true for text columns only
     * (an integer or {@code char(n)} key may read back in another spelling).
     */
    boolean returnsKeysAsSent(String quotedKey) {
        return TEXT_TYPES.contains(types.get(quotedKey));
    }

    /**
     * Whether the catalog named every column. Any type goes: the cast runs the type's own input function, which
     * also takes what the driver cannot bind a string to (an enum's label, a {@code bytea} in hex).
     */
    boolean knows(List<String> quotedColumns) {
        return types.keySet().containsAll(quotedColumns);
    }

    /**
     * The statement for these columns (quoted, in parameter order: one {@code text[]} each). The page is the
     * common table {@code u} (columns {@code c1..cn}, text). {@code with}, when not null, is a further common
     * table expression ({@code name AS (...)}) run with the statement; {@code guard}, when not null, is a condition
     * on the rows of {@code u}; parameters they use come after the arrays, {@code with}'s first. {@code returning}
     * is the key column the statement answers.
     */
    String sql(
            String table,
            List<String> columns,
            List<String> conflictKeys,
            String version,
            String returning,
            String with,
            String guard) {
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i);
            String sep = i == 0 ? "" : ", ";
            select.append(sep).append(column(columns, i + 1));
            arrays.append(sep).append("?::text[]");
            names.append(sep).append('c').append(i + 1);
            if (!conflictKeys.contains(col)) {
                set.append(set.length() == 0 ? "" : ", ")
                        .append(col)
                        .append(" = EXCLUDED.")
                        .append(col);
            }
        }
        return "WITH u AS (SELECT * FROM unnest(" + arrays + ") AS p(" + names + "))"
                + (with == null ? "" : ", " + with) + " INSERT INTO " + table + " AS t (" + String.join(", ", columns)
                + ") SELECT " + select + " FROM u" + (guard == null ? "" : " WHERE " + guard) + " ON CONFLICT ("
                + String.join(", ", conflictKeys) + ") DO UPDATE SET " + set + " WHERE t." + version
                + " < EXCLUDED." + version + " RETURNING t." + returning;
    }

    /** Column {@code i} (1-based) of the page {@code u}, cast to the type of {@code columns}' i-th column. */
    String column(List<String> columns, int i) {
        return "u.c" + i + "::" + types.get(columns.get(i - 1));
    }

    /**
     * Most characters one bound array of a statement carries. Each array goes to the driver as one byte array; a
     * page of 1,000 records whose column holds a few hundred characters a row (a nested party as JSON) made arrays
     * of 512 KB and more, which a small G1 heap allocates as humongous objects, each able to start a concurrent
     * collection. Rows beyond this bound go in a further statement of the same transaction.
     */
    static final int MAX_ARRAY_CHARS = 128 * 1024;

    /**
     * Runs {@code sql} with each column's values bound as one {@code text[]} (from parameter 1), then
     * {@code after} (the parameters of its {@code with} and {@code guard}), and answers the rows it wrote, in order.
     * The rows go in as few statements as keep every array under {@link #MAX_ARRAY_CHARS}; {@code rows} must not
     * repeat a key.
     */
    static List<Change> execute(Connection c, String sql, String[][] columns, List<String> after, List<Change> rows)
            throws SQLException {
        Set<String> keys = new HashSet<>();
        boolean binary = TextArrays.binary(c);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = rows.size();
            for (int from = 0; from < n; ) {
                int to = chunkEnd(columns, from, n);
                int i = 1;
                for (String[] values : columns) {
                    TextArrays.bind(c, binary, ps, i++, values, from, to);
                }
                for (String value : after) {
                    ps.setString(i++, value);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                from = to;
            }
        }
        return rows.stream().filter(ch -> keys.contains(ch.key())).toList();
    }

    /** The end (exclusive) of the statement that starts at row {@code from}: at least one row. */
    static int chunkEnd(String[][] columns, int from, int n) {
        long[] chars = new long[columns.length];
        for (int r = from; r < n; r++) {
            for (int i = 0; i < columns.length; i++) {
                String v = columns[i][r];
                chars[i] += v == null ? 0 : v.length();
                if (chars[i] > MAX_ARRAY_CHARS && r > from) {
                    return r;
                }
            }
        }
        return n;
    }

    /** {@code v} as PostgreSQL reads it for a column of type {@code column}, or {@link #UNSUPPORTED}. */
    String text(Object v, String column) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return NUMERIC_TYPES.contains(types.get(column)) ? (b ? "1" : "0") : b.toString();
        }
        if (v instanceof BigDecimal n) {
            return n.toPlainString();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return v.toString();
        }
        if (v instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneId.systemDefault()).toString();
        }
        if (v instanceof Timestamp t) {
            return OffsetDateTime.ofInstant(t.toInstant(), ZoneId.systemDefault())
                    .toString();
        }
        if (v instanceof LocalDate
                || v instanceof LocalDateTime
                || v instanceof LocalTime
                || v instanceof OffsetDateTime
                || v instanceof UUID) {
            return v.toString();
        }
        return UNSUPPORTED;
    }
}

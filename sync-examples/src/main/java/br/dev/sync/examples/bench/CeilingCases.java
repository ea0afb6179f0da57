package br.dev.sync.examples.bench;

import br.dev.sync.core.spi.SyncTransport;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The ceilings: what the database itself takes, on the same rows the SDK pulls. Pages are fetched and decoded
 * outside the clock; the clock runs while rows are bound (or written as CSV), sent and committed, one commit per
 * page of 1,000, as the SDK commits. The CPU spent inside the clock is measured too ({@link Stopwatch}).
 */
final class CeilingCases {
    private final BenchDb db;
    private final DataSource ds;
    private final SyncTransport transport;
    private final String table;
    private final List<String> columns = new ArrayList<>();

    /** The ceilings, writing into {@code table} (of the host's shape, created here). */
    CeilingCases(BenchDb db, DataSource ds, SyncTransport transport, String table) {
        this.db = db;
        this.ds = ds;
        this.transport = transport;
        this.table = table;
        columns.add("sync_key");
        columns.add("version");
        columns.addAll(BenchDb.dataColumns());
    }

    /** The database's own batch upsert (no version check): a pass of inserts, then a pass of updates. */
    Stopwatch[] upsert() throws SQLException {
        try (Connection c = ds.getConnection()) {
            db.createHostTable(c, table);
            return new Stopwatch[] {upsertPass(c, 0), upsertPass(c, 1)};
        }
    }

    private Stopwatch upsertPass(Connection c, long bump) throws SQLException {
        c.setAutoCommit(false);
        String sql = upsertSql();
        Stopwatch clock = new Stopwatch();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int[] types = types(c, table);
            Pages.each(transport, raws -> {
                List<Object[]> rows = raws.stream().map(r -> Pages.row(r, bump)).toList();
                clock.start();
                try {
                    for (Object[] row : rows) {
                        Pages.bind(ps, row, types);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("batch upsert failed: " + e.getMessage(), e);
                }
                clock.stop();
            });
        }
        return clock;
    }

    private String upsertSql() {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<String> data = columns.subList(1, columns.size());
        return switch (db.kind()) {
            case "postgresql" ->
                "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks
                        + ") ON CONFLICT (sync_key) DO UPDATE SET "
                        + data.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            case "mariadb" ->
                "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks
                        + ") ON DUPLICATE KEY UPDATE "
                        + data.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
            default -> "MERGE INTO " + table + " (" + cols + ") KEY (sync_key) VALUES (" + marks + ")";
        };
    }

    private int[] types(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            int[] types = new int[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = md.getColumnType(i + 1);
            }
            return types;
        }
    }

    /** PostgreSQL's COPY straight into the empty table, a commit per page: inserts only. */
    Stopwatch copy() throws SQLException {
        try (Connection c = ds.getConnection()) {
            db.createHostTable(c, table);
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
            Stopwatch clock = new Stopwatch();
            Pages.each(transport, raws -> {
                List<Object[]> rows = raws.stream().map(r -> Pages.row(r, 0)).toList();
                clock.start();
                try {
                    copy.copyIn(sql, new StringReader(csv(rows)));
                    c.commit();
                } catch (Exception e) {
                    throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
                }
                clock.stop();
            });
            return clock;
        }
    }

    /**
     * What the SDK could do on PostgreSQL for large pages: COPY the page into a temporary staging table, then one
     * set-based versioned upsert from it, a commit per page. A pass of inserts, then a pass of updates.
     */
    Stopwatch[] copyMerge() throws SQLException {
        try (Connection c = ds.getConnection()) {
            db.createHostTable(c, table);
            c.setAutoCommit(false);
            String stage = table + "_stage";
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (LIKE " + table
                        + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
            }
            c.commit();
            return new Stopwatch[] {copyMergePass(c, stage, 0), copyMergePass(c, stage, 1)};
        }
    }

    private Stopwatch copyMergePass(Connection c, String stage, long bump) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String cols = String.join(", ", columns);
        String copySql = "COPY " + stage + " (" + cols + ") FROM STDIN WITH (FORMAT csv)";
        String merge = "INSERT INTO " + table + " AS t (" + cols + ") SELECT " + cols + " FROM " + stage
                + " ON CONFLICT (sync_key) DO UPDATE SET "
                + columns.subList(1, columns.size()).stream()
                        .map(col -> col + " = EXCLUDED." + col)
                        .collect(Collectors.joining(", "))
                + " WHERE t.version < EXCLUDED.version";
        Stopwatch clock = new Stopwatch();
        try (PreparedStatement ps = c.prepareStatement(merge)) {
            Pages.each(transport, raws -> {
                List<Object[]> rows = raws.stream().map(r -> Pages.row(r, bump)).toList();
                clock.start();
                try {
                    copy.copyIn(copySql, new StringReader(csv(rows)));
                    int n = ps.executeUpdate();
                    if (n != rows.size()) {
                        throw new IllegalStateException("merged " + n + " of " + rows.size());
                    }
                    c.commit();
                } catch (Exception e) {
                    throw new IllegalStateException("COPY and merge failed: " + e.getMessage(), e);
                }
                clock.stop();
            });
        }
        return clock;
    }

    /**
     * The SDK's way on PostgreSQL: each page as one set-based versioned upsert, every column bound as one text array
     * and cast to its type ({@code INSERT .. SELECT .. FROM unnest(..) ON CONFLICT .. RETURNING}), a commit per
     * page. A pass of inserts, then a pass of updates.
     */
    Stopwatch[] unnest() throws SQLException {
        try (Connection c = ds.getConnection()) {
            db.createHostTable(c, table);
            c.setAutoCommit(false);
            List<String> casts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, NULL) FROM pg_attribute a"
                    + " WHERE a.attrelid = ?::regclass AND a.attname = ?")) {
                for (String col : columns) {
                    ps.setString(1, table);
                    ps.setString(2, col);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        casts.add(rs.getString(1));
                    }
                }
            }
            StringBuilder select = new StringBuilder();
            StringBuilder arrays = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                select.append(i == 0 ? "" : ", ")
                        .append("u.c")
                        .append(i)
                        .append("::")
                        .append(casts.get(i));
                arrays.append(i == 0 ? "" : ", ").append("?::text[]");
            }
            String names = java.util.stream.IntStream.range(0, columns.size())
                    .mapToObj(i -> "c" + i)
                    .collect(Collectors.joining(", "));
            String sql = "INSERT INTO " + table + " AS t (" + String.join(", ", columns) + ") SELECT " + select
                    + " FROM unnest(" + arrays + ") AS u(" + names + ") ON CONFLICT (sync_key) DO UPDATE SET "
                    + columns.subList(1, columns.size()).stream()
                            .map(col -> col + " = EXCLUDED." + col)
                            .collect(Collectors.joining(", "))
                    + " WHERE t.version < EXCLUDED.version RETURNING t.sync_key";
            c.commit();
            return new Stopwatch[] {unnestPass(c, sql, 0), unnestPass(c, sql, 1)};
        }
    }

    private Stopwatch unnestPass(Connection c, String sql, long bump) throws SQLException {
        Stopwatch clock = new Stopwatch();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Pages.each(transport, raws -> {
                List<Object[]> rows = raws.stream().map(r -> Pages.row(r, bump)).toList();
                clock.start();
                try {
                    for (int col = 0; col < columns.size(); col++) {
                        String[] values = new String[rows.size()];
                        for (int r = 0; r < rows.size(); r++) {
                            values[r] = text(rows.get(r)[col]);
                        }
                        ps.setArray(col + 1, c.createArrayOf("text", values));
                    }
                    int n = 0;
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                    if (n != rows.size()) {
                        throw new IllegalStateException("wrote " + n + " of " + rows.size());
                    }
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("set upsert failed: " + e.getMessage(), e);
                }
                clock.stop();
            });
        }
        return clock;
    }

    private static String text(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return java.time.OffsetDateTime.ofInstant(t.toInstant(), java.time.ZoneId.systemDefault())
                    .toString();
        }
        return v == null ? null : v.toString();
    }

    static String csv(List<Object[]> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 1200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = row[i];
                if (v instanceof String s) {
                    b.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v != null) {
                    b.append(v);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}

package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE t.version < EXCLUDED.version}; the lock
 * timeout is {@code SET LOCAL lock_timeout} (it ends with the transaction; SQLState 55P03 when it fires); the
 * blocker is {@code pg_blocking_pids} of the waiting backend, described from {@code pg_stat_activity}.
 */
final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String storedCase(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String versionedUpsert(String table, List<String> columns, List<String> keys, String version) {
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                + assignments(columns, keys) + " WHERE t." + version + " < EXCLUDED." + version;
    }

    @Override
    public boolean setUpserts() {
        return true;
    }

    @Override
    public boolean outboxKeyProbes() {
        return true;
    }

    /**
     * Sorting off for the rest of the claim's transaction (which then only writes the push ledger). Without
     * statistics (entries appended since the last ANALYZE, or autovacuum off) PostgreSQL guessed a stream's entries
     * at a few hundred and planned a claim as reading all of them and sorting them: 45 ms a claim at 100,000
     * entries, 88 ms at 300,000, for every batch of a backlog being pushed; 0.5 ms along the index.
     */
    @Override
    public void beforeQueueRead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL enable_sort = off");
        }
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keys) {
        String set = assignments(columns, keys);
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keys) + ") DO "
                + (set.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " AS t (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static String assignments(List<String> columns, List<String> keys) {
        return columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void beginLockTimeout(Connection c, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
            // a generic plan cached while a table was empty can stay a sequential scan as it grows: the per-page
            // version read then took seconds a page in some runs; plan every statement for its parameters
            s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    @Override
    public boolean isDeadlock(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    @Override
    public String sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Optional<String> blockerOf(Connection monitor, String waitingSession) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.state, a.query"
                + " FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids(?)) ORDER BY a.pid LIMIT 1";
        try (PreparedStatement s = monitor.prepareStatement(sql)) {
            s.setInt(1, Integer.parseInt(waitingSession));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application '"
                        + rs.getString(3) + "', client " + rs.getString(4) + ", state " + rs.getString(5)
                        + ", last statement: " + Sessions.shorten(rs.getString(6)) + ")");
            }
        }
    }
}
